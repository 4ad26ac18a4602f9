package io.basalt.storage.encoding;

/**
 * Gives each distinct value of a {@link BytesValues} an id in order of first appearance, up to a cap, with
 * open addressing over primitive arrays; an id remembers the index of the value's first occurrence.
 */
final class BytesHashTable {

    private final BytesValues values;
    private final int[] slots;
    private final long[] slotHashes;
    private final int mask;
    private final int cap;
    /** {@code firstIndex[id]} is where the value with that id first appears. */
    final int[] firstIndex;
    private int size;

    BytesHashTable(BytesValues values, int cap) {
        this.values = values;
        this.cap = cap;
        int capacity = Integer.highestOneBit(Math.max(4, cap) * 2 - 1) << 1;
        this.slots = new int[capacity];
        this.slotHashes = new long[capacity];
        this.mask = capacity - 1;
        this.firstIndex = new int[cap];
    }

    /** The id of value {@code index}, adding it if new; -1 once the cap is reached and the value is new. */
    int idOf(int index) {
        long hash = hash(values.data(), values.start(index), values.length(index));
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            int id = slots[slot] - 1;
            if (slotHashes[slot] == hash && values.sameValue(firstIndex[id], index)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (size == cap) {
            return -1;
        }
        firstIndex[size] = index;
        slotHashes[slot] = hash;
        slots[slot] = ++size;
        return size - 1;
    }

    int size() {
        return size;
    }

    private static long hash(byte[] data, int start, int length) {
        long h = length * 0x9E3779B97F4A7C15L;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            h = Long.rotateLeft(h ^ ByteSource.longAt(data, start + i), 27) * 0xC2B2AE3D27D4EB4FL;
        }
        for (; i < length; i++) {
            h = (h ^ (data[start + i] & 0xFF)) * 0x100000001B3L;
        }
        return LongHashTable.mix(h ^ (h >>> 32));
    }
}
