package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;

/**
 * A hash join's build side keyed by one LONG column whose values fill a narrow range {@code [min, min + span]}
 * (surrogate keys: TPC-H's order, customer, part and supplier keys): the heads of the build rows' chains are
 * found at {@code key - min} in an array, instead of through a hash table. Building is one pass that links each
 * row in, without hashing, probing or growing a table; a probe is a subtraction, an unsigned comparison and one
 * array read, and probe keys that come in order (lineitem by l_orderkey) walk the array front to back.
 *
 * <p>Used only when the array takes no more than {@link #MAX_SLOTS_PER_ROW} slots of 4 bytes per build row, well
 * within what a hash table of the same rows reserves ({@link LoadedPartition}'s per-row bound).
 */
record DenseKeyRange(long min, long span) {

    static final int MAX_SLOTS_PER_ROW = 8;

    /** Beyond this the array's int index would not do (and a table this large is better hashed anyway). */
    private static final long MAX_SPAN = 1L << 30;

    /** The range of {@code count} keys within {@code bounds} (null: no keys) when it is narrow enough, else null. */
    static DenseKeyRange of(BuildKeyBounds bounds, int count) {
        if (bounds == null) {
            return null;
        }
        long span = bounds.span();
        if (span < 0 || span >= MAX_SPAN || span >= (long) MAX_SLOTS_PER_ROW * count) {
            return null;
        }
        return new DenseKeyRange(bounds.min(), span);
    }

    /** Slots of the chain-head array: one per value of the range. */
    int slots() {
        return (int) span + 1;
    }

    /** The slot of {@code key}, which must lie in the range. */
    int slot(long key) {
        return (int) (key - min);
    }

    /**
     * {@code slots[i]} = the slot of the key at row {@code positions[i]} when some build row has that key (its
     * chain head {@code firstRow[slot]} is set), else -1. NULL keys find nothing.
     */
    void find(LongVector keys, int[] positions, int count, int[] firstRow, int[] slots) {
        long[] values = keys.values();
        boolean[] nulls = keys.mayHaveNulls() ? keys.nulls() : null;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long offset = values[row] - min;
            // Unsigned: a key below min wraps around to an offset above any span.
            boolean inRange = Long.compareUnsigned(offset, span) <= 0 && (nulls == null || !nulls[row]);
            slots[i] = inRange && firstRow[(int) offset] >= 0 ? (int) offset : -1;
        }
    }

    /** The distinct keys: those of the slots whose chain head is set, {@code distinct} of them. */
    LongVector keys(int[] firstRow, int distinct) {
        LongVector vector = new LongVector(distinct);
        long[] values = vector.values();
        int n = 0;
        for (int slot = 0; slot < firstRow.length; slot++) {
            if (firstRow[slot] >= 0) {
                values[n++] = min + slot;
            }
        }
        vector.setPositionCount(distinct);
        return vector;
    }
}
