package io.basalt.storage.encoding;

/**
 * Gives each distinct long an id in order of first appearance, up to a cap, with open addressing over
 * primitive arrays, so looking at a block allocates nothing per value. Counts distinct values for the
 * encoding selector and then serves as the dictionary builder, so values are hashed only once.
 */
final class LongHashTable {

    private final int[] slots;
    private final int mask;
    private final int cap;
    /** {@code keys[id]} is the value with that id. */
    final long[] keys;
    private int size;

    LongHashTable(int cap) {
        this.cap = cap;
        int capacity = Integer.highestOneBit(Math.max(4, cap) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.keys = new long[cap];
    }

    /** The id of {@code key}, adding it if new; -1 once the cap is reached and the key is new. */
    int idOf(long key) {
        int slot = (int) mix(key) & mask;
        while (slots[slot] != 0) {
            int id = slots[slot] - 1;
            if (keys[id] == key) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == cap) {
            return -1;
        }
        keys[size] = key;
        slots[slot] = ++size;
        return size - 1;
    }

    int size() {
        return size;
    }

    /**
     * A full-avalanche mix (SplitMix64's finalizer): keys such as the bits of round doubles have long runs of
     * zero low bits, and a weaker mix would send them all to the same few slots.
     */
    static long mix(long key) {
        long z = (key ^ (key >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
