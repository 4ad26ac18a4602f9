package io.basalt.optimizer.physical;

import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.optimizer.PlanningException;
import io.basalt.optimizer.catalog.TypeMapping;
import io.basalt.optimizer.sql.BasaltOperatorTable;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.sql.SqlKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * One of Calcite's aggregate calls as the executor's {@link AggregateCall}: the function, the argument and ORDER BY
 * columns (through {@code columns}, when the aggregate reads a narrowed scan), and the forms the executor expects
 * for ordered-set aggregates: {@code PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x)} has no arguments, the constant
 * fraction and one ORDER BY key (the parser's form is {@code PERCENTILE_CONT(f, x) WITHIN GROUP (ORDER BY x)}, see
 * {@code OrderedSetAggregates}); {@code MEDIAN(x)} is PERCENTILE_CONT at 0.5 ordered by x. APPROX_COUNT_DISTINCT
 * arrives as Calcite's approximate COUNT(DISTINCT x).
 */
final class AggregateCallConverter {

    private AggregateCallConverter() {
    }

    /** The executor's function for a call Calcite computes (not SUM0's or LITERAL_AGG's rewrites). */
    private static AggregateFunction function(org.apache.calcite.rel.core.AggregateCall call) {
        String name = call.getAggregation().getName();
        SqlKind kind = call.getAggregation().getKind();
        if (kind == SqlKind.OTHER_FUNCTION) {
            // Basalt's own aggregates (BasaltOperatorTable): MEDIAN and the ordered-set aggregates.
            return switch (name) {
                case "MEDIAN", "PERCENTILE_CONT" -> AggregateFunction.PERCENTILE_CONT;
                case "PERCENTILE_DISC" -> AggregateFunction.PERCENTILE_DISC;
                case "MODE" -> AggregateFunction.MODE;
                default -> throw new UnsupportedFunctionException("the aggregate function " + name, name);
            };
        }
        return switch (kind) {
            case COUNT -> call.isApproximate() ? AggregateFunction.APPROX_COUNT_DISTINCT
                    : call.getArgList().isEmpty() ? AggregateFunction.COUNT_STAR : AggregateFunction.COUNT;
            case SUM, SUM0 -> AggregateFunction.SUM;
            case MIN -> AggregateFunction.MIN;
            case MAX -> AggregateFunction.MAX;
            case AVG -> AggregateFunction.AVG;
            case SINGLE_VALUE -> AggregateFunction.SINGLE_VALUE;
            case ANY_VALUE -> AggregateFunction.ANY_VALUE;
            case VAR_POP -> AggregateFunction.VAR_POP;
            case VAR_SAMP -> AggregateFunction.VAR_SAMP;
            case STDDEV_POP -> AggregateFunction.STDDEV_POP;
            case STDDEV_SAMP -> AggregateFunction.STDDEV_SAMP;
            case STRING_AGG, LISTAGG -> AggregateFunction.STRING_AGG;
            case GROUPING, GROUPING_ID -> AggregateFunction.GROUPING;
            default -> throw new UnsupportedFunctionException("the aggregate function " + name, name);
        };
    }

    /**
     * @param input   the aggregate's (converted) input, where a percentile's fraction is a projected constant
     * @param columns maps Calcite's input column indexes to {@code input}'s
     */
    static AggregateCall convert(org.apache.calcite.rel.core.AggregateCall call, PhysicalNode input,
                                 IntUnaryOperator columns, String columnName) {
        AggregateFunction function = function(call);
        int[] arguments = call.getArgList().stream().mapToInt(Integer::intValue).map(columns).toArray();
        List<SortKey> order = new ArrayList<>();
        for (RelFieldCollation collation : call.getCollation().getFieldCollations()) {
            SortKey key = PhysicalPlanBuilder.sortKey(collation);
            order.add(new SortKey(columns.applyAsInt(key.column()), key.ascending(), key.nullsFirst()));
        }
        int filterColumn = call.filterArg < 0 ? -1 : columns.applyAsInt(call.filterArg);
        boolean distinct = call.isDistinct() && function != AggregateFunction.APPROX_COUNT_DISTINCT;
        Double fraction = null;
        String name = call.getAggregation().getName();
        if (name.equals(BasaltOperatorTable.MEDIAN.getName())) {
            // MEDIAN(x): the value is the ORDER BY key.
            order.add(new SortKey(arguments[0], true, false));
            arguments = new int[0];
            fraction = 0.5;
        } else if (function == AggregateFunction.PERCENTILE_CONT || function == AggregateFunction.PERCENTILE_DISC) {
            // (fraction, value) WITHIN GROUP (ORDER BY value): the value is the ORDER BY key.
            fraction = constantFraction(input, arguments[0]);
            arguments = new int[0];
            LogicalType value = input.output().get(order.get(0).column()).type();
            if (function == AggregateFunction.PERCENTILE_CONT && !isNumber(value)) {
                // PostgreSQL has percentile_cont of double precision (and interval) only.
                throw new PlanningException(PlanningException.UNDEFINED_FUNCTION, "function percentile_cont(numeric, "
                        + value.toString().toLowerCase(Locale.ROOT) + ") does not exist");
            }
        } else if (function == AggregateFunction.MODE) {
            arguments = new int[0];
        }
        return new AggregateCall(function, arguments, distinct, filterColumn, TypeMapping.toBasalt(call.getType()),
                columnName, order, fraction);
    }

    private static boolean isNumber(LogicalType type) {
        return type.kind() == TypeKind.DECIMAL || type.physicalKind() == PhysicalKind.DOUBLE
                || type.kind() == TypeKind.TINYINT || type.kind() == TypeKind.SMALLINT || type.kind() == TypeKind.INTEGER
                || type.kind() == TypeKind.BIGINT;
    }

    /** A percentile's fraction: a constant the input projects (NULL stays null: the result is then NULL). */
    private static Double constantFraction(PhysicalNode input, int column) {
        if (input instanceof ProjectNode project && project.expressions().get(column) instanceof Literal literal) {
            return fraction(literal);
        }
        throw PlanningException.notSupported("a percentile fraction that is not a constant");
    }

    private static Double fraction(Literal literal) {
        Object value = literal.value();
        if (value == null) {
            return null;
        }
        if (value instanceof Double number) {
            return number;
        }
        if (literal.type().kind() == TypeKind.DECIMAL) {
            BigInteger unscaled = value instanceof Long number ? BigInteger.valueOf(number) : (BigInteger) value;
            return new BigDecimal(unscaled, literal.type().scale()).doubleValue();
        }
        if (value instanceof Long number) {
            return number.doubleValue();
        }
        throw PlanningException.notSupported("a percentile fraction of type " + literal.type());
    }
}
