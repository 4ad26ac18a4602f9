package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL scalar functions beyond the SQL standard's core (string, regular expression, math and date
 * functions), from Calcite's calls into execution's {@link Function}s with the argument types the kernels take:
 * counts and positions BIGINT, math DOUBLE, everything text as text. {@code current_date},
 * {@code current_timestamp} and {@code now()} become constants of the statement's start time, so that every row
 * and every operator of one statement sees the same value, as in PostgreSQL.
 */
final class ScalarFunctionConverter {

    private final ExpressionConverter expressions;
    private final LocalDateTime statementStart;

    ScalarFunctionConverter(ExpressionConverter expressions, LocalDateTime statementStart) {
        this.expressions = expressions;
        this.statementStart = statementStart;
    }

    /** The call as an execution expression, or empty when the name is not one of these functions. */
    Optional<Expression> convert(String name, RexCall call) {
        LogicalType type = TypeMapping.toBasalt(call.getType());
        List<RexNode> operands = call.getOperands();
        Expression converted = switch (name) {
            case "LPAD" -> call(Function.LPAD, type, operands, Shape.TEXT, Shape.INTEGER, Shape.TEXT);
            case "RPAD" -> call(Function.RPAD, type, operands, Shape.TEXT, Shape.INTEGER, Shape.TEXT);
            case "SPLIT_PART" -> call(Function.SPLIT_PART, type, operands, Shape.TEXT, Shape.TEXT, Shape.INTEGER);
            case "STARTS_WITH" -> call(Function.STARTS_WITH, type, operands, Shape.TEXT, Shape.TEXT);
            case "LEFT" -> call(Function.LEFT, type, operands, Shape.TEXT, Shape.INTEGER);
            case "RIGHT" -> call(Function.RIGHT, type, operands, Shape.TEXT, Shape.INTEGER);
            case "REPEAT" -> call(Function.REPEAT, type, operands, Shape.TEXT, Shape.INTEGER);
            case "REVERSE" -> call(Function.REVERSE, type, operands, Shape.TEXT);
            case "INITCAP" -> call(Function.INITCAP, type, operands, Shape.TEXT);
            case "MD5" -> call(Function.MD5, type, operands, Shape.TEXT);
            case "ASCII" -> counted(Function.ASCII, type, operands, Shape.TEXT);
            case "OCTET_LENGTH" -> counted(Function.OCTET_LENGTH, type, operands, Shape.TEXT);
            case "CHR" -> call(Function.CHR, type, operands, Shape.INTEGER);
            case "CONCAT" -> call(Function.CONCAT_IGNORING_NULLS, type, operands, Shape.TEXT);
            case "CONCAT_WS" -> call(Function.CONCAT_WS, type, operands, Shape.TEXT);
            case "REGEXP_REPLACE" -> call(Function.REGEXP_REPLACE, type, operands, Shape.TEXT);
            case "REGEXP_LIKE", "REGEXP_MATCHES" -> call(Function.REGEXP_LIKE, type, operands, Shape.TEXT);
            case "REGEXP_SUBSTR" -> call(Function.REGEXP_SUBSTR, type, operands, Shape.TEXT, Shape.TEXT, Shape.INTEGER, Shape.INTEGER,
                    Shape.TEXT, Shape.INTEGER);
            case "REGEXP_COUNT" -> counted(Function.REGEXP_COUNT, type, operands, Shape.TEXT, Shape.TEXT, Shape.INTEGER, Shape.TEXT);
            case "POSIX REGEX CASE SENSITIVE" -> regexMatch(operands, false, false);
            case "POSIX REGEX CASE INSENSITIVE" -> regexMatch(operands, true, false);
            case "NEGATED POSIX REGEX CASE SENSITIVE" -> regexMatch(operands, false, true);
            case "NEGATED POSIX REGEX CASE INSENSITIVE" -> regexMatch(operands, true, true);
            case "GREATEST" -> sameType(Function.GREATEST, type, operands);
            case "LEAST" -> sameType(Function.LEAST, type, operands);
            case "SIGN" -> new Call(Function.SIGN, List.of(expressions.convert(operands.get(0))), type);
            case "TRUNC" -> expressions.rounding(call, Function.TRUNC);
            case "DIV" -> sameType(Function.DIV, type, operands);
            case "GCD" -> sameType(Function.GCD, type, operands);
            case "LCM" -> sameType(Function.LCM, type, operands);
            case "LOG" -> operands.size() == 1 ? doubles(Function.LOG10, type, operands) : doubles(Function.LOG, type, operands);
            case "LOG10" -> doubles(Function.LOG10, type, operands);
            case "CBRT" -> doubles(Function.CBRT, type, operands);
            case "DEGREES" -> doubles(Function.DEGREES, type, operands);
            case "RADIANS" -> doubles(Function.RADIANS, type, operands);
            case "SIN" -> doubles(Function.SIN, type, operands);
            case "COS" -> doubles(Function.COS, type, operands);
            case "TAN" -> doubles(Function.TAN, type, operands);
            case "COT" -> doubles(Function.COT, type, operands);
            case "ASIN" -> doubles(Function.ASIN, type, operands);
            case "ACOS" -> doubles(Function.ACOS, type, operands);
            case "ATAN" -> doubles(Function.ATAN, type, operands);
            case "ATAN2" -> doubles(Function.ATAN2, type, operands);
            case "PI" -> TypeCoercion.castTo(new Literal(Math.PI, LogicalType.DOUBLE), type);
            case "RANDOM", "RAND" -> {
                if (!operands.isEmpty()) {
                    throw PlanningException.notSupported("random with a seed");
                }
                yield TypeCoercion.castTo(new Call(Function.RANDOM, List.of(), LogicalType.DOUBLE), type);
            }
            case "DATE_TRUNC" -> TypeCoercion.castTo(call(Function.DATE_TRUNC, LogicalType.TIMESTAMP, operands, Shape.TEXT, Shape.AS_IS),
                    type);
            case "DATE_PART" -> datePart(text(expressions.convert(operands.get(0))), operands.get(1), type);
            case "MAKE_DATE" -> call(Function.MAKE_DATE, type, operands, Shape.INTEGER);
            case "MAKE_TIMESTAMP" -> call(Function.MAKE_TIMESTAMP, type, operands, Shape.INTEGER, Shape.INTEGER, Shape.INTEGER,
                    Shape.INTEGER, Shape.INTEGER, Shape.DOUBLE);
            case "TO_CHAR" -> call(Function.TO_CHAR, type, operands, Shape.AS_IS, Shape.TEXT);
            case "TO_DATE" -> call(Function.TO_DATE, type, operands, Shape.TEXT);
            case "CURRENT_DATE" -> new Literal(statementStart.toLocalDate().toEpochDay(), LogicalType.DATE);
            case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "NOW" -> TypeCoercion.castTo(new Literal(
                    ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), statementStart), LogicalType.TIMESTAMP), type);
            default -> null;
        };
        return Optional.ofNullable(converted);
    }

    /**
     * {@code date_part('field', x)} as DOUBLE, and EXTRACT's fields beyond the executor's own EXTRACT_*: EXTRACT is
     * BIGINT here, so fractions (of an epoch, of milliseconds) are dropped towards minus infinity, as EXTRACT(SECOND)
     * drops them.
     */
    Expression datePart(Expression field, RexNode value, LogicalType type) {
        Expression part = new Call(Function.DATE_PART, List.of(field, expressions.convert(value)), LogicalType.DOUBLE);
        if (TypeCoercion.isInteger(type)) {
            part = Call.of(Function.FLOOR, LogicalType.DOUBLE, part);
        }
        return TypeCoercion.castTo(part, type);
    }

    /** How an argument is passed to the kernel; the last shape repeats for further arguments. */
    private enum Shape {
        TEXT, INTEGER, DOUBLE, AS_IS
    }

    private Expression call(Function function, LogicalType type, List<RexNode> operands, Shape... shapes) {
        List<Expression> arguments = new ArrayList<>(operands.size());
        for (int k = 0; k < operands.size(); k++) {
            Expression argument = expressions.convert(operands.get(k));
            Shape shape = shapes[Math.min(k, shapes.length - 1)];
            arguments.add(switch (shape) {
                case TEXT -> text(argument);
                case INTEGER -> TypeCoercion.castTo(argument, LogicalType.BIGINT);
                case DOUBLE -> TypeCoercion.castTo(argument, LogicalType.DOUBLE);
                case AS_IS -> argument;
            });
        }
        return new Call(function, arguments, type);
    }

    /** A function whose kernel counts in BIGINT, as the call's (INTEGER) type. */
    private Expression counted(Function function, LogicalType type, List<RexNode> operands, Shape... shapes) {
        return TypeCoercion.castTo(call(function, LogicalType.BIGINT, operands, shapes), type);
    }

    private static Expression text(Expression argument) {
        return LiteralValues.isText(argument.type()) ? argument : TypeCoercion.castTo(argument, LogicalType.TEXT);
    }

    /** {@code s ~ p}, {@code s ~* p} and their negations {@code !~}, {@code !~*}. */
    private Expression regexMatch(List<RexNode> operands, boolean caseInsensitive, boolean negated) {
        List<Expression> arguments = new ArrayList<>();
        arguments.add(text(expressions.convert(operands.get(0))));
        arguments.add(text(expressions.convert(operands.get(1))));
        if (caseInsensitive) {
            arguments.add(new Literal("i", LogicalType.TEXT));
        }
        Expression match = new Call(Function.REGEXP_LIKE, arguments, LogicalType.BOOLEAN);
        return negated ? Call.of(Function.NOT, LogicalType.BOOLEAN, match) : match;
    }

    /** A function of arguments converted to its result type (GREATEST, SIGN, DIV, GCD, …). */
    private Expression sameType(Function function, LogicalType type, List<RexNode> operands) {
        List<Expression> arguments = new ArrayList<>();
        for (RexNode operand : operands) {
            Expression argument = expressions.convert(operand);
            // DIV of decimals divides the operands at their common scale, not at the result's scale 0.
            LogicalType argumentType = function == Function.DIV && type.kind() == TypeKind.DECIMAL
                    ? LogicalType.decimal(LogicalType.MAX_LONG_DECIMAL_PRECISION, maximumScale(operands)) : type;
            arguments.add(TypeCoercion.castTo(argument, argumentType));
        }
        return new Call(function, arguments, type);
    }

    private static int maximumScale(List<RexNode> operands) {
        int scale = 0;
        for (RexNode operand : operands) {
            scale = Math.max(scale, Math.max(0, operand.getType().getScale()));
        }
        return scale;
    }

    private Expression doubles(Function function, LogicalType type, List<RexNode> operands) {
        return TypeCoercion.castTo(call(function, LogicalType.DOUBLE, operands, Shape.DOUBLE), type);
    }
}
