package io.basalt.execution.window;

import io.basalt.execution.plan.WindowFrame;
import io.basalt.execution.plan.WindowFrame.FrameBound;

/**
 * The first and last row (inclusive) of each row's frame, clamped to its partition; a frame is empty when
 * {@code first > last} (e.g. ROWS BETWEEN 3 FOLLOWING AND 5 FOLLOWING near the partition's end).
 */
final class FrameBounds {

    final int[] first;
    final int[] last;

    private FrameBounds(int rowCount) {
        first = new int[rowCount];
        last = new int[rowCount];
    }

    boolean isEmpty(int row) {
        return first[row] > last[row];
    }

    /** The bounds of a frame; {@code range} searches the order key for RANGE offsets (null for other frames). */
    static FrameBounds of(WindowFrame frame, PartitionLayout layout, RangeOffsets range) {
        FrameBounds bounds = new FrameBounds(layout.rowCount);
        for (int row = 0; row < layout.rowCount; row++) {
            long from = position(frame.start(), true, frame.rows(), layout, row, range);
            long to = position(frame.end(), false, frame.rows(), layout, row, range);
            int partitionFirst = layout.partitionStart[row];
            int partitionLast = layout.partitionEnd[row] - 1;
            from = Math.max(from, partitionFirst);
            to = Math.min(to, partitionLast);
            if (from > to) {
                // Any empty interval; these keep both ends inside the partition for callers that index by them.
                bounds.first[row] = row + 1;
                bounds.last[row] = row;
            } else {
                bounds.first[row] = (int) from;
                bounds.last[row] = (int) to;
            }
        }
        return bounds;
    }

    /** The row a bound names, before clamping; long because offsets may reach past any row. */
    private static long position(FrameBound bound, boolean start, boolean rows, PartitionLayout layout, int row,
                                 RangeOffsets range) {
        if (!rows && bound.offsetKind()) {
            return range.position(bound, start, layout, row);
        }
        return switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> layout.partitionStart[row];
            case PRECEDING -> row - Math.min(bound.offset(), Integer.MAX_VALUE);
            case CURRENT_ROW -> rows ? row : start ? layout.peerStart[row] : layout.peerEnd[row] - 1;
            case FOLLOWING -> row + Math.min(bound.offset(), Integer.MAX_VALUE);
            case UNBOUNDED_FOLLOWING -> layout.partitionEnd[row] - 1L;
        };
    }
}
