package io.basalt.execution.window;

import io.basalt.execution.aggregate.Accumulator;
import io.basalt.execution.aggregate.Accumulators;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.WindowFrame.BoundKind;
import io.basalt.execution.plan.WindowFrame.Exclusion;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.List;

/**
 * An aggregate over each row's frame, computed with the hash aggregation's accumulators (so SUM, AVG, MIN, MAX and
 * COUNT behave exactly as in GROUP BY: NULLs skipped, DECIMAL exact in 128 bits, overflow 22003). One accumulator
 * group per row first holds that row's own value; then:
 *
 * <ul>
 *   <li>frames starting at UNBOUNDED PRECEDING (running totals, the whole partition): each group is folded into the
 *       next one of its partition, left to right, so group {@code i} holds the partition's rows up to {@code i};
 *       a row's value is the group of its frame's last row — O(n);</li>
 *   <li>frames ending at UNBOUNDED FOLLOWING: the same from right to left, read at the frame's first row — O(n);</li>
 *   <li>other frames (both ends bounded), and frames with an EXCLUDE clause: each row's frame is folded into a
 *       group of its own from a segment tree of groups ({@link FrameTree}) — O(n log n) whatever the frame's width;
 *       an excluded current row or peer group splits the frame into up to three ranges ({@link FrameRanges}), each
 *       folded in.</li>
 * </ul>
 *
 * One extra group is never touched: an empty frame reads it (COUNT 0, the others NULL).
 */
final class FrameAggregation {

    private FrameAggregation() {
    }

    static ColumnVector compute(WindowFunction function, ColumnVector[] columns, List<LogicalType> inputTypes,
                                PartitionLayout layout, FrameBounds bounds, MemoryReservation memory) {
        AggregateCall call = new AggregateCall(function.aggregate(), function.arguments(), false, -1, function.type(),
                function.name());
        Accumulator accumulator = Accumulators.create(call, inputTypes, memory);
        try {
            int rowCount = layout.rowCount;
            int emptyGroup = rowCount;
            Exclusion exclusion = function.frame().exclusion();
            boolean excludes = exclusion != Exclusion.NO_OTHERS;
            boolean prefix = !excludes && function.frame().start().kind() == BoundKind.UNBOUNDED_PRECEDING;
            boolean suffix = !excludes && !prefix && function.frame().end().kind() == BoundKind.UNBOUNDED_FOLLOWING;
            int groups = prefix || suffix ? rowCount + 1 : 2 * rowCount + 1;
            accumulator.ensureGroups(prefix || suffix ? groups : groups + FrameTree.extraGroups(rowCount));
            int[] identity = new int[rowCount];
            for (int row = 0; row < rowCount; row++) {
                identity[row] = row;
            }
            int[] argumentColumns = function.arguments();
            ColumnVector[] arguments = new ColumnVector[argumentColumns.length];
            for (int a = 0; a < arguments.length; a++) {
                arguments[a] = columns[argumentColumns[a]];
            }
            accumulator.add(identity, arguments, identity, rowCount);
            int[] stateOfRow = new int[rowCount];
            if (prefix) {
                foldRunning(accumulator, layout, true);
                for (int row = 0; row < rowCount; row++) {
                    stateOfRow[row] = bounds.isEmpty(row) ? emptyGroup : bounds.last[row];
                }
            } else if (suffix) {
                foldRunning(accumulator, layout, false);
                for (int row = 0; row < rowCount; row++) {
                    stateOfRow[row] = bounds.isEmpty(row) ? emptyGroup : bounds.first[row];
                }
            } else {
                FrameTree tree = FrameTree.build(accumulator, rowCount, groups);
                FrameRanges ranges = new FrameRanges();
                for (int row = 0; row < rowCount; row++) {
                    ranges.cut(bounds, exclusion, layout, row);
                    for (int range = 0; range < ranges.count(); range++) {
                        tree.fold(ranges.from(range), ranges.to(range), rowCount + 1 + row);
                    }
                    stateOfRow[row] = ranges.count() > 0 ? rowCount + 1 + row : emptyGroup;
                }
                tree.finish();
            }
            ColumnVector states = accumulator.result(0, groups);
            return VectorCopier.select(states, stateOfRow, rowCount);
        } finally {
            accumulator.release();
        }
    }

    /** Folds each group into its neighbour in the partition: rightwards ({@code forward}) or leftwards. */
    private static void foldRunning(Accumulator accumulator, PartitionLayout layout, boolean forward) {
        int rowCount = layout.rowCount;
        int[] from = new int[Math.max(rowCount - 1, 0)];
        int[] to = new int[from.length];
        int count = 0;
        if (forward) {
            for (int row = 1; row < rowCount; row++) {
                if (layout.partitionStart[row] < row) {
                    from[count] = row - 1;
                    to[count++] = row;
                }
            }
        } else {
            for (int row = rowCount - 2; row >= 0; row--) {
                if (layout.partitionEnd[row] > row + 1) {
                    from[count] = row + 1;
                    to[count++] = row;
                }
            }
        }
        // One call: the accumulator folds pairs in order, so each fold sees the previous one's result.
        accumulator.merge(accumulator, from, to, count);
    }
}
