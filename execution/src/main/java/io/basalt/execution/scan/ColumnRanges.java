package io.basalt.execution.scan;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.storage.encoding.BranchFreeComparisons;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conjuncts of a scan's pushed filter that compare a LONG column (integers, DATE, TIMESTAMP, short DECIMAL)
 * with a constant of its own representation ({@code l_shipdate >= DATE '1994-01-01' AND l_shipdate < DATE
 * '1995-01-01'}), merged per column into one inclusive range. The scan applies them first, straight on the
 * decoded values as a narrowing selection: one branch-free loop per column over the rows still wanted, with no
 * boolean vectors and no expression calls, so each later conjunct (and each later column) only sees the rows the
 * earlier ones kept. The rest of the filter, {@link #residual()}, runs afterwards on the surviving rows.
 *
 * <p>The split does not change results: a row passes an AND when every conjunct is TRUE, a comparison with a
 * NULL value is not TRUE (so NULL rows are dropped), and a conjunct left in the residual only sees fewer rows.
 */
final class ColumnRanges {

    /**
     * Rows whose value in scan output column {@code column} lies in {@code [low, high]} (empty when low &gt; high).
     */
    record Range(int column, long low, long high) {

        /**
         * Whether every row of a block with this zone map is in range: no NULL and both bounds inside (zone map
         * bounds are never narrower than the values), so the block needs no comparison at all.
         */
        boolean holdsEveryRow(ZoneMap zoneMap) {
            return zoneMap instanceof LongZoneMap bounds && bounds.nullCount() == 0 && bounds.rowCount() > 0
                    && bounds.min() >= low && bounds.max() <= high;
        }

        /**
         * Writes to {@code out} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) in
         * range and not NULL, in order; returns how many. {@code out} may be {@code positions} itself.
         */
        int select(LongVector vector, int[] positions, int count, int[] out) {
            if (low > high) {
                return 0;
            }
            long[] values = vector.values();
            // One unsigned comparison tests both bounds: value - low wraps above high - low when below low.
            long span = high - low;
            int kept = 0;
            if (vector.mayHaveNulls()) {
                for (int i = 0; i < count; i++) {
                    int row = positions == null ? i : positions[i];
                    out[kept] = row;
                    int present = vector.isNull(row) ? 0 : 1;
                    kept += present & BranchFreeComparisons.unsignedAtMost(values[row] - low, span);
                }
            } else if (positions == null) {
                for (int i = 0; i < count; i++) {
                    out[kept] = i;
                    kept += BranchFreeComparisons.unsignedAtMost(values[i] - low, span);
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int row = positions[i];
                    out[kept] = row;
                    kept += BranchFreeComparisons.unsignedAtMost(values[row] - low, span);
                }
            }
            return kept;
        }

        /**
         * As {@link #select}, but value {@code i} of {@code gathered} belongs to row {@code positions[i]} (the
         * column's values were gathered for those rows only).
         */
        int selectGathered(LongVector gathered, int[] positions, int count, int[] out) {
            if (low > high) {
                return 0;
            }
            long[] values = gathered.values();
            long span = high - low;
            boolean mayHaveNulls = gathered.mayHaveNulls();
            int kept = 0;
            for (int i = 0; i < count; i++) {
                out[kept] = positions[i];
                int present = mayHaveNulls && gathered.isNull(i) ? 0 : 1;
                kept += present & BranchFreeComparisons.unsignedAtMost(values[i] - low, span);
            }
            return kept;
        }
    }

    private final List<Range> ranges;
    private final Optional<Expression> residual;

    private ColumnRanges(List<Range> ranges, Optional<Expression> residual) {
        this.ranges = List.copyOf(ranges);
        this.residual = residual;
    }

    /** @param types the scan's output column types, which the filter's column references index */
    static ColumnRanges of(Optional<Expression> filter, List<LogicalType> types) {
        if (filter.isEmpty()) {
            return new ColumnRanges(List.of(), Optional.empty());
        }
        List<Expression> conjuncts = new ArrayList<>();
        flatten(filter.get(), conjuncts);
        Map<Integer, long[]> bounds = new LinkedHashMap<>();
        List<Expression> rest = new ArrayList<>();
        for (Expression conjunct : conjuncts) {
            ZoneMapCondition comparison = conjunct instanceof Call call ? ZoneMapFilter.columnComparison(call, types) : null;
            if (comparison == null || types.get(comparison.column()).physicalKind() != PhysicalKind.LONG
                    || !(comparison.constants().get(0) instanceof Long constant)
                    || comparison.operator() == ZoneMapCondition.Operator.NOT_EQUAL) {
                rest.add(conjunct);
                continue;
            }
            long[] range = bounds.computeIfAbsent(comparison.column(), column -> new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
            narrow(range, comparison.operator(), constant);
        }
        List<Range> ranges = new ArrayList<>();
        bounds.forEach((column, range) -> ranges.add(new Range(column, range[0], range[1])));
        Optional<Expression> residual = rest.isEmpty() ? Optional.empty()
                : Optional.of(rest.size() == 1 ? rest.get(0) : new Call(Function.AND, rest, filter.get().type()));
        return new ColumnRanges(ranges, residual);
    }

    /** Intersects {@code range} ({low, high}) with the rows for which {@code value operator constant} is TRUE. */
    private static void narrow(long[] range, ZoneMapCondition.Operator operator, long constant) {
        switch (operator) {
            case EQUAL -> {
                range[0] = Math.max(range[0], constant);
                range[1] = Math.min(range[1], constant);
            }
            case LESS_THAN -> {
                if (constant == Long.MIN_VALUE) {
                    range[0] = Long.MAX_VALUE;
                    range[1] = Long.MIN_VALUE;
                } else {
                    range[1] = Math.min(range[1], constant - 1);
                }
            }
            case LESS_THAN_OR_EQUAL -> range[1] = Math.min(range[1], constant);
            case GREATER_THAN -> {
                if (constant == Long.MAX_VALUE) {
                    range[0] = Long.MAX_VALUE;
                    range[1] = Long.MIN_VALUE;
                } else {
                    range[0] = Math.max(range[0], constant + 1);
                }
            }
            case GREATER_THAN_OR_EQUAL -> range[0] = Math.max(range[0], constant);
            default -> throw new IllegalArgumentException(operator.name());
        }
    }

    /** The conjuncts of {@code expression}: the arguments of its (nested) ANDs, or itself. */
    static void flatten(Expression expression, List<Expression> out) {
        if (expression instanceof Call call && call.function() == Function.AND) {
            for (Expression argument : call.arguments()) {
                flatten(argument, out);
            }
        } else {
            out.add(expression);
        }
    }

    /** The ranges, one per column, in the order their columns first appear in the filter. */
    List<Range> ranges() {
        return ranges;
    }

    /** What of the filter is not a range: the AND of the other conjuncts, or empty. */
    Optional<Expression> residual() {
        return residual;
    }
}
