package io.basalt.execution.plan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.expression.Parameter;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/** Expressions as SQL-like text for EXPLAIN, with column references shown by their input column's name. */
public final class ExpressionText {

    private ExpressionText() {
    }

    public static String of(Expression expression, List<Column> input) {
        if (expression instanceof ColumnReference reference) {
            return reference.index() < input.size() ? input.get(reference.index()).name() : "#" + reference.index();
        }
        if (expression instanceof Literal literal) {
            return literal(literal);
        }
        if (expression instanceof Parameter parameter) {
            return parameter.name();
        }
        Call call = (Call) expression;
        List<String> arguments = call.arguments().stream().map(argument -> of(argument, input)).toList();
        String infix = infix(call);
        if (infix != null) {
            return "(" + String.join(" " + infix + " ", arguments) + ")";
        }
        return switch (call.function()) {
            case NOT -> "(NOT " + arguments.get(0) + ")";
            case NEGATE -> "(-" + arguments.get(0) + ")";
            case IS_NULL -> "(" + arguments.get(0) + " IS NULL)";
            case IS_NOT_NULL -> "(" + arguments.get(0) + " IS NOT NULL)";
            case IS_TRUE -> "(" + arguments.get(0) + " IS TRUE)";
            case IS_NOT_TRUE -> "(" + arguments.get(0) + " IS NOT TRUE)";
            case IS_FALSE -> "(" + arguments.get(0) + " IS FALSE)";
            case IS_NOT_FALSE -> "(" + arguments.get(0) + " IS NOT FALSE)";
            case IN -> "(" + arguments.get(0) + " IN (" + String.join(", ", arguments.subList(1, arguments.size())) + "))";
            case CAST -> "CAST(" + arguments.get(0) + " AS " + call.type() + ")";
            default -> call.function().name() + "(" + String.join(", ", arguments) + ")";
        };
    }

    private static String infix(Call call) {
        return switch (call.function()) {
            case ADD -> "+";
            case SUBTRACT -> "-";
            case MULTIPLY -> "*";
            case DIVIDE -> "/";
            case MODULO -> "%";
            case EQUAL -> "=";
            case NOT_EQUAL -> "<>";
            case LESS_THAN -> "<";
            case LESS_THAN_OR_EQUAL -> "<=";
            case GREATER_THAN -> ">";
            case GREATER_THAN_OR_EQUAL -> ">=";
            case IS_DISTINCT_FROM -> "IS DISTINCT FROM";
            case IS_NOT_DISTINCT_FROM -> "IS NOT DISTINCT FROM";
            case AND -> "AND";
            case OR -> "OR";
            case CONCAT -> "||";
            default -> null;
        };
    }

    static String literal(Literal literal) {
        return value(literal.value(), literal.type().kind(), literal.type().scale());
    }

    static String value(Object value, TypeKind kind, int scale) {
        if (value == null) {
            return "NULL";
        }
        return switch (kind) {
            case VARCHAR, CHAR -> "'" + ((String) value).replace("'", "''") + "'";
            case BOOLEAN -> ((Boolean) value) ? "TRUE" : "FALSE";
            case DATE -> "DATE '" + LocalDate.ofEpochDay((Long) value) + "'";
            case TIME -> "TIME '" + LocalTime.ofNanoOfDay((Long) value * 1000) + "'";
            case TIMESTAMP -> {
                long micros = (Long) value;
                LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        (int) Math.floorMod(micros, 1_000_000) * 1000, ZoneOffset.UTC);
                yield "TIMESTAMP '" + time + "'";
            }
            case DECIMAL -> new BigDecimal(value instanceof BigInteger big ? big : BigInteger.valueOf((Long) value), scale)
                    .toPlainString();
            default -> String.valueOf(value);
        };
    }

    static String names(int[] columns, List<Column> input) {
        return java.util.Arrays.stream(columns)
                .mapToObj(column -> column < input.size() ? input.get(column).name() : "#" + column)
                .collect(Collectors.joining(", "));
    }
}
