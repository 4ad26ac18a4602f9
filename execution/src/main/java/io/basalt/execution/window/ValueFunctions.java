package io.basalt.execution.window;

import io.basalt.execution.plan.WindowFrame.Exclusion;
import io.basalt.execution.vector.VectorGather;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

/**
 * LAG, LEAD, FIRST_VALUE, LAST_VALUE and NTH_VALUE: each row takes the value of another row of its partition, so each is one
 * gather of the value column by a position per row (-1 where there is no such row: NULL, or LAG/LEAD's default).
 */
final class ValueFunctions {

    private ValueFunctions() {
    }

    /** LAG ({@code lead} false) or LEAD by {@code offset} rows; {@code defaults} may be null (NULL). */
    static ColumnVector shifted(PartitionLayout layout, ColumnVector values, ColumnVector defaults, long offset,
                                boolean lead) {
        int[] positions = new int[layout.rowCount];
        for (int row = 0; row < layout.rowCount; row++) {
            long target = lead ? row + offset : row - offset;
            boolean inside = target >= layout.partitionStart[row] && target < layout.partitionEnd[row];
            positions[row] = inside ? (int) target : -1;
        }
        return gather(values, defaults, positions);
    }

    /**
     * NTH_VALUE (from the frame's first row), FIRST_VALUE ({@code n} 1) or LAST_VALUE ({@code n} 1, {@code fromEnd}):
     * the value of the {@code n}-th row (from 1) of each row's frame, without the rows its EXCLUDE clause takes out;
     * NULL when fewer rows are left.
     */
    static ColumnVector nth(FrameBounds bounds, Exclusion exclusion, PartitionLayout layout, ColumnVector values,
                            long n, boolean fromEnd) {
        int[] positions = new int[bounds.first.length];
        FrameRanges ranges = new FrameRanges();
        for (int row = 0; row < positions.length; row++) {
            ranges.cut(bounds, exclusion, layout, row);
            positions[row] = ranges.nth(n, fromEnd);
        }
        return gather(values, null, positions);
    }

    /** Row {@code i} of the result: {@code values[positions[i]]}, or where that is -1 {@code defaults[i]} or NULL. */
    private static ColumnVector gather(ColumnVector values, ColumnVector defaults, int[] positions) {
        int count = positions.length;
        if (defaults != null) {
            int[] sources = new int[count];
            int[] rows = new int[count];
            for (int row = 0; row < count; row++) {
                boolean missing = positions[row] < 0;
                sources[row] = missing ? 1 : 0;
                rows[row] = missing ? row : positions[row];
            }
            return VectorGather.gather(new ColumnVector[] {values, defaults}, sources, rows, count);
        }
        int[] rows = new int[count];
        boolean anyMissing = false;
        for (int row = 0; row < count; row++) {
            anyMissing |= positions[row] < 0;
            rows[row] = Math.max(positions[row], 0);
        }
        ColumnVector result = VectorCopier.select(values, rows, count);
        if (anyMissing) {
            for (int row = 0; row < count; row++) {
                if (positions[row] < 0) {
                    result.setNull(row, true);
                }
            }
        }
        return result;
    }
}
