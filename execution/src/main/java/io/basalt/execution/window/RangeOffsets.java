package io.basalt.execution.window;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.WindowFrame.BoundKind;
import io.basalt.execution.plan.WindowFrame.FrameBound;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

/**
 * The ends of RANGE frames with offsets ({@code RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING}): a binary search in the
 * current row's partition, which is sorted by the one order key (longs; doubles for DOUBLE and REAL), for the first row at or after (a start) or the last
 * row at or before (an end) the current key moved by the offset. NULL keys take their place in the sort order (before
 * or after every value), so a NULL target is matched by exactly the NULL rows: a NULL row's frame is its peers.
 */
final class RangeOffsets {

    private final ColumnVector keys;
    private final LongVector longs;
    private final DoubleVector doubles;
    private final boolean ascending;
    private final boolean nullsFirst;

    private RangeOffsets(ColumnVector keys, SortKey key) {
        this.keys = keys;
        this.longs = keys instanceof LongVector vector ? vector : null;
        this.doubles = keys instanceof DoubleVector vector ? vector : null;
        this.ascending = key.ascending();
        this.nullsFirst = key.nullsFirst();
    }

    /** The search over {@code column}, the window's only order key (longs or doubles), sorted as {@code key} says. */
    static RangeOffsets of(ColumnVector column, SortKey key) {
        if (!(column instanceof LongVector || column instanceof DoubleVector)) {
            throw new ExecutionException(ExecutionException.FEATURE_NOT_SUPPORTED,
                    "not supported yet: RANGE frames with an offset over an ORDER BY key of kind " + column.kind());
        }
        return new RangeOffsets(column, key);
    }

    /** The row a start ({@code start}) or end bound names for {@code row}, in [partition start - 1, partition end]. */
    long position(FrameBound bound, boolean start, PartitionLayout layout, int row) {
        boolean isNull = keys.isNull(row);
        long target = 0;
        double realTarget = 0;
        if (!isNull) {
            // PRECEDING moves toward the rows before, which hold smaller keys when ascending.
            boolean smaller = (bound.kind() == BoundKind.PRECEDING) == ascending;
            if (longs != null) {
                long key = longs.get(row);
                target = smaller ? saturatedSubtract(key, bound.offset()) : saturatedAdd(key, bound.offset());
            } else {
                double key = doubles.get(row);
                realTarget = smaller ? key - bound.realOffset() : key + bound.realOffset();
            }
        }
        int from = layout.partitionStart[row];
        int to = layout.partitionEnd[row];
        // First row whose key is after the target (end) or at or after it (start).
        int low = from;
        int high = to;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int comparison = compareToTarget(middle, isNull, target, realTarget);
            if (start ? comparison >= 0 : comparison > 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return start ? low : low - 1L;
    }

    /** The sign of row's key against the target in sort order. */
    private int compareToTarget(int row, boolean targetIsNull, long target, double realTarget) {
        boolean rowIsNull = keys.isNull(row);
        if (rowIsNull || targetIsNull) {
            if (rowIsNull && targetIsNull) {
                return 0;
            }
            return rowIsNull == nullsFirst ? -1 : 1;
        }
        // Double.compare orders NaN after every number, as the sort does (and PostgreSQL).
        int comparison = longs != null ? Long.compare(longs.get(row), target) : Double.compare(doubles.get(row), realTarget);
        return ascending ? comparison : -comparison;
    }

    private static long saturatedAdd(long value, long offset) {
        long sum = value + offset;
        return ((value ^ sum) & (offset ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static long saturatedSubtract(long value, long offset) {
        long difference = value - offset;
        return ((value ^ offset) & (value ^ difference)) < 0 ? Long.MIN_VALUE : difference;
    }
}
