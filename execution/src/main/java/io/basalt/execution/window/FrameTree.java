package io.basalt.execution.window;

import io.basalt.execution.aggregate.Accumulator;

/**
 * Aggregates over frames bounded at both ends (moving sums, averages, minimums) in O(n log n) whatever the frame's
 * width: a segment tree of accumulator groups over the bucket's rows, whose level {@code k} group {@code j} holds rows
 * {@code [j·2^k, (j+1)·2^k)}; each frame is folded from at most two groups per level. Level 0 is the rows' own-value
 * groups {@code [0, rowCount)}; the levels above come after the groups the caller uses, from {@code treeBase}. The
 * aggregates folded this way are commutative, so the order groups are folded in does not matter.
 */
final class FrameTree {

    private final Accumulator accumulator;
    private final int[] levelStart;
    private final int[] levelSize;
    private final FoldBuffer folds;

    private FrameTree(Accumulator accumulator, int[] levelStart, int[] levelSize) {
        this.accumulator = accumulator;
        this.levelStart = levelStart;
        this.levelSize = levelSize;
        this.folds = new FoldBuffer(accumulator);
    }

    /** Groups the levels above level 0 need for {@code rowCount} rows. */
    static int extraGroups(int rowCount) {
        int total = 0;
        for (int size = rowCount; size > 1; ) {
            size = (size + 1) / 2;
            total += size;
        }
        return total;
    }

    /** Builds the levels above the own-value groups; the accumulator must hold {@code treeBase + extraGroups} groups. */
    static FrameTree build(Accumulator accumulator, int rowCount, int treeBase) {
        int levels = 1;
        for (int size = rowCount; size > 1; size = (size + 1) / 2) {
            levels++;
        }
        int[] levelStart = new int[levels];
        int[] levelSize = new int[levels];
        levelSize[0] = rowCount;
        int next = treeBase;
        for (int level = 1; level < levels; level++) {
            levelSize[level] = (levelSize[level - 1] + 1) / 2;
            levelStart[level] = next;
            next += levelSize[level];
        }
        FrameTree tree = new FrameTree(accumulator, levelStart, levelSize);
        for (int level = 1; level < levels; level++) {
            // The level below must be complete before this one reads it.
            for (int child = 0; child < levelSize[level - 1]; child++) {
                tree.folds.add(levelStart[level - 1] + child, levelStart[level] + child / 2);
            }
            tree.folds.flush();
        }
        return tree;
    }

    /** Folds rows {@code [first, last]} into {@code target}. */
    void fold(int first, int last, int target) {
        int low = first;
        int high = last + 1;
        for (int level = 0; low < high; level++) {
            if ((low & 1) == 1) {
                folds.add(levelStart[level] + low++, target);
            }
            if ((high & 1) == 1) {
                folds.add(levelStart[level] + --high, target);
            }
            low >>= 1;
            high >>= 1;
        }
    }

    void finish() {
        folds.flush();
    }

    /** Pairs (source group, target group) handed to the accumulator a few thousand at a time. */
    private static final class FoldBuffer {

        private static final int SIZE = 4096;

        private final Accumulator accumulator;
        private final int[] sources = new int[SIZE];
        private final int[] targets = new int[SIZE];
        private int count;

        FoldBuffer(Accumulator accumulator) {
            this.accumulator = accumulator;
        }

        void add(int source, int target) {
            sources[count] = source;
            targets[count++] = target;
            if (count == SIZE) {
                flush();
            }
        }

        void flush() {
            accumulator.merge(accumulator, sources, targets, count);
            count = 0;
        }
    }
}
