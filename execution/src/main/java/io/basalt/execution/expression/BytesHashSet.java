package io.basalt.execution.expression;

import java.util.Arrays;

/** An immutable open-addressing set of byte strings (UTF-8 text) for long IN lists, probed without copying. */
final class BytesHashSet {

    private final byte[][] values;
    private final int[] table;
    private final int mask;

    BytesHashSet(byte[][] values) {
        this.values = values;
        int capacity = Integer.highestOneBit(Math.max(values.length, 1) * 2) * 2;
        table = new int[capacity];
        Arrays.fill(table, -1);
        mask = capacity - 1;
        for (int v = 0; v < values.length; v++) {
            int slot = hash(values[v], 0, values[v].length) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = v;
        }
    }

    boolean contains(byte[] data, int start, int end) {
        int slot = hash(data, start, end) & mask;
        while (table[slot] >= 0) {
            byte[] candidate = values[table[slot]];
            if (Arrays.equals(candidate, 0, candidate.length, data, start, end)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    private static int hash(byte[] data, int start, int end) {
        int hash = 0x811C_9DC5;
        for (int i = start; i < end; i++) {
            hash = (hash ^ data[i]) * 0x0100_0193; // FNV-1a
        }
        return hash ^ (hash >>> 16);
    }
}
