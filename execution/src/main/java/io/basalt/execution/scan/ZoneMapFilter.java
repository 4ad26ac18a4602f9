package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.scan.ZoneMapCondition.Operator;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.SegmentFooter;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The part of a scan's pushed filter that zone maps can judge: the conjuncts of the form
 * {@code column op constant} (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=, IN, IS [NOT] NULL, a bare BOOLEAN column). Other
 * conjuncts are left to the filter itself; the AND of what is recognised is a necessary condition of the
 * whole filter, so a block it excludes holds no wanted row.
 */
final class ZoneMapFilter {

    private static final Set<TypeKind> INTEGERS = EnumSet.of(TypeKind.TINYINT, TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT);
    private static final Set<TypeKind> TEXT = EnumSet.of(TypeKind.VARCHAR, TypeKind.CHAR);

    private final List<ZoneMapCondition> conditions;

    private ZoneMapFilter(List<ZoneMapCondition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    /**
     * @param tableColumns the scan's output column index → the table (and segment) column index
     * @param columnTypes  the scan's output column types
     */
    static ZoneMapFilter of(Optional<Expression> filter, int[] tableColumns, List<LogicalType> columnTypes) {
        List<ZoneMapCondition> conditions = new ArrayList<>();
        filter.ifPresent(expression -> collect(expression, tableColumns, columnTypes, conditions));
        // A row identity (TableScanNode.ROW_ID) has no zone map: conditions on it are left to the filter.
        conditions.removeIf(condition -> condition.column() < 0);
        return new ZoneMapFilter(conditions);
    }

    boolean isEmpty() {
        return conditions.isEmpty();
    }

    List<ZoneMapCondition> conditions() {
        return conditions;
    }

    /** Whether the segment's whole-column zone maps rule out every row. */
    boolean excludesSegment(SegmentFooter footer) {
        return excludesSegment(column -> footer.columnStats(column).zoneMap());
    }

    /** Whether the segment whose whole-column zone maps (by table column) these are holds no wanted row. */
    boolean excludesSegment(IntFunction<ZoneMap> segmentZoneMaps) {
        for (ZoneMapCondition condition : conditions) {
            if (condition.excludes(segmentZoneMaps.apply(condition.column()))) {
                return true;
            }
        }
        return false;
    }

    /** The rows of {@code [from, to)} that no block zone map rules out. */
    RowRanges survivingRows(SegmentFooter footer, int from, int to) {
        RowRanges ranges = new RowRanges(from, to);
        for (ZoneMapCondition condition : conditions) {
            for (BlockInfo block : footer.blocks(condition.column())) {
                int start = block.rowOffset();
                int end = start + block.rowCount();
                if (end <= from || start >= to) {
                    continue;
                }
                if (condition.excludes(block.zoneMap())) {
                    ranges.subtract(start, end);
                    if (ranges.isEmpty()) {
                        return ranges;
                    }
                }
            }
        }
        return ranges;
    }

    private static void collect(Expression expression, int[] tableColumns, List<LogicalType> types,
                                List<ZoneMapCondition> out) {
        if (expression instanceof ColumnReference reference && reference.type().kind() == TypeKind.BOOLEAN) {
            out.add(new ZoneMapCondition(tableColumns[reference.index()], Operator.EQUAL, List.of(Boolean.TRUE)));
            return;
        }
        if (!(expression instanceof Call call)) {
            return;
        }
        Function function = call.function();
        if (function == Function.AND) {
            for (Expression argument : call.arguments()) {
                collect(argument, tableColumns, types, out);
            }
            return;
        }
        if (function == Function.IS_NULL || function == Function.IS_NOT_NULL) {
            if (call.argument(0) instanceof ColumnReference reference) {
                out.add(new ZoneMapCondition(tableColumns[reference.index()],
                        function == Function.IS_NULL ? Operator.IS_NULL : Operator.IS_NOT_NULL, List.of()));
            }
            return;
        }
        if (function == Function.IS_TRUE || function == Function.NOT || function == Function.IS_FALSE) {
            if (call.argument(0) instanceof ColumnReference reference && reference.type().kind() == TypeKind.BOOLEAN) {
                out.add(new ZoneMapCondition(tableColumns[reference.index()], Operator.EQUAL,
                        List.of(function == Function.IS_TRUE)));
            }
            return;
        }
        if (function == Function.IN) {
            if (!(call.argument(0) instanceof ColumnReference reference)) {
                return;
            }
            List<Object> constants = new ArrayList<>();
            for (Expression argument : call.arguments().subList(1, call.arguments().size())) {
                if (!(argument instanceof Literal literal) || !comparable(types.get(reference.index()), literal.type())) {
                    return;
                }
                constants.add(literal.value());
            }
            out.add(new ZoneMapCondition(tableColumns[reference.index()], Operator.IN, constants));
            return;
        }
        ZoneMapCondition comparison = columnComparison(call, types);
        if (comparison != null) {
            out.add(new ZoneMapCondition(tableColumns[comparison.column()], comparison.operator(), comparison.constants()));
        }
    }

    /**
     * {@code call} as {@code column op constant} (the column moved to the left), the column being the scan's
     * output column; null when it is not a comparison of a column with a constant of the column's representation.
     */
    static ZoneMapCondition columnComparison(Call call, List<LogicalType> types) {
        Operator operator = comparison(call.function());
        if (operator == null || call.arguments().size() != 2) {
            return null;
        }
        Expression left = call.argument(0);
        Expression right = call.argument(1);
        if (left instanceof Literal && right instanceof ColumnReference) {
            Expression swap = left;
            left = right;
            right = swap;
            operator = mirrored(operator);
        }
        if (left instanceof ColumnReference reference && right instanceof Literal literal
                && comparable(types.get(reference.index()), literal.type())) {
            List<Object> constants = new ArrayList<>();
            constants.add(literal.value());
            return new ZoneMapCondition(reference.index(), operator, constants);
        }
        return null;
    }

    /** Whether values of the two types share one representation, so bounds and constant compare directly. */
    private static boolean comparable(LogicalType column, LogicalType constant) {
        if (column.physicalKind() != constant.physicalKind()) {
            return false;
        }
        if (column.kind() == TypeKind.DECIMAL || constant.kind() == TypeKind.DECIMAL) {
            return column.kind() == constant.kind() && column.scale() == constant.scale();
        }
        return column.kind() == constant.kind()
                || INTEGERS.contains(column.kind()) && INTEGERS.contains(constant.kind())
                || TEXT.contains(column.kind()) && TEXT.contains(constant.kind())
                || column.kind() == TypeKind.REAL || column.kind() == TypeKind.DOUBLE;
    }

    private static Operator comparison(Function function) {
        return switch (function) {
            case EQUAL -> Operator.EQUAL;
            case NOT_EQUAL -> Operator.NOT_EQUAL;
            case LESS_THAN -> Operator.LESS_THAN;
            case LESS_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN -> Operator.GREATER_THAN;
            case GREATER_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
            default -> null;
        };
    }

    private static Operator mirrored(Operator operator) {
        return switch (operator) {
            case LESS_THAN -> Operator.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> Operator.GREATER_THAN_OR_EQUAL;
            case GREATER_THAN -> Operator.LESS_THAN;
            case GREATER_THAN_OR_EQUAL -> Operator.LESS_THAN_OR_EQUAL;
            default -> operator;
        };
    }
}
