package io.basalt.server.write;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;

/**
 * Keys of one or two integer-like columns (integers, dates, timestamps, DECIMAL up to 18 digits) in an open-addressing
 * table of longs: 8 or 16 bytes a key instead of boxed objects, so a bulk load of a keyed table (TPC-H's lineitem)
 * stays affordable.
 */
final class LongKeySet implements KeySet {

    private final int width;
    private long[] slots;
    private boolean[] used;
    private int size;

    LongKeySet(int width) {
        if (width < 1 || width > 2) {
            throw new IllegalArgumentException("one or two columns, not " + width);
        }
        this.width = width;
        this.slots = new long[16 * width];
        this.used = new boolean[16];
    }

    @Override
    public boolean add(ColumnBatch batch, int[] positions, int row) {
        if (hasNull(batch, positions, row)) {
            return true;
        }
        long first = ((LongVector) batch.column(positions[0])).get(row);
        long second = width == 2 ? ((LongVector) batch.column(positions[1])).get(row) : 0;
        if ((size + 1) * 2L > used.length) {
            grow();
        }
        return insert(first, second);
    }

    @Override
    public boolean contains(ColumnBatch batch, int[] positions, int row) {
        if (hasNull(batch, positions, row)) {
            return false;
        }
        long first = ((LongVector) batch.column(positions[0])).get(row);
        long second = width == 2 ? ((LongVector) batch.column(positions[1])).get(row) : 0;
        int mask = used.length - 1;
        for (int slot = hash(first, second) & mask; used[slot]; slot = (slot + 1) & mask) {
            if (slots[slot * width] == first && (width == 1 || slots[slot * width + 1] == second)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    private boolean insert(long first, long second) {
        int mask = used.length - 1;
        int slot = hash(first, second) & mask;
        while (used[slot]) {
            if (slots[slot * width] == first && (width == 1 || slots[slot * width + 1] == second)) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        slots[slot * width] = first;
        if (width == 2) {
            slots[slot * width + 1] = second;
        }
        size++;
        return true;
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        slots = new long[oldSlots.length * 2];
        used = new boolean[oldUsed.length * 2];
        size = 0;
        for (int slot = 0; slot < oldUsed.length; slot++) {
            if (oldUsed[slot]) {
                insert(oldSlots[slot * width], width == 2 ? oldSlots[slot * width + 1] : 0);
            }
        }
    }

    private static int hash(long first, long second) {
        long mixed = first * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
        return (int) (mixed ^ (mixed >>> 32));
    }

    private static boolean hasNull(ColumnBatch batch, int[] positions, int row) {
        for (int position : positions) {
            if (batch.column(position).isNull(row)) {
                return true;
            }
        }
        return false;
    }
}
