package io.basalt.storage.encoding;

/**
 * Gives each distinct 128-bit value an id in order of first appearance, up to a cap, with open addressing
 * over primitive arrays. Used to count distinct INT128 values and to build their dictionary.
 */
final class Int128HashTable {

    private final int[] slots;
    private final int mask;
    private final int cap;
    final long[] high;
    final long[] low;
    private int size;

    Int128HashTable(int cap) {
        this.cap = cap;
        int capacity = Integer.highestOneBit(Math.max(4, cap) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.high = new long[cap];
        this.low = new long[cap];
    }

    /** The id of {@code (h, l)}, adding it if new; -1 once the cap is reached and the value is new. */
    int idOf(long h, long l) {
        int slot = (int) LongHashTable.mix(h ^ LongHashTable.mix(l)) & mask;
        while (slots[slot] != 0) {
            int id = slots[slot] - 1;
            if (high[id] == h && low[id] == l) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == cap) {
            return -1;
        }
        high[size] = h;
        low[size] = l;
        slots[slot] = ++size;
        return size - 1;
    }

    int size() {
        return size;
    }

    /** Signed 128-bit comparison. */
    static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compare(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }
}
