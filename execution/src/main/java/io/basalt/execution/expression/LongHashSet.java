package io.basalt.execution.expression;

/**
 * An immutable open-addressing set of longs for IN lists too long to test one by one. Linear probing in a
 * table at most half full; the hash is a multiplicative mix (Fibonacci hashing) so that dense keys such
 * as dates and ids spread over the table.
 */
final class LongHashSet {

    private static final long MIX = 0x9E37_79B9_7F4A_7C15L;

    private final long[] keys;
    private final boolean[] used;
    private final int shift;
    private final int mask;

    LongHashSet(long[] values) {
        int capacity = Integer.highestOneBit(Math.max(values.length, 1) * 2) * 2;
        keys = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        for (long value : values) {
            int slot = slot(value);
            while (used[slot] && keys[slot] != value) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = value;
            used[slot] = true;
        }
    }

    private int slot(long value) {
        return (int) ((value * MIX) >>> shift);
    }

    boolean contains(long value) {
        int slot = slot(value);
        while (used[slot]) {
            if (keys[slot] == value) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }
}
