package io.basalt.storage.encoding;

/**
 * What the encoding selector needs to know about a block's non-null INT128 values: the distinct values
 * (counted exactly, a block being small) with each value's id, kept for the dictionary encoder.
 */
final class Int128Stats {

    final int count;
    final int distinctCount;
    final Int128HashTable distinct;
    /** {@code ids[i]} is the id of value {@code i}. */
    final int[] ids;

    private Int128Stats(int count, Int128HashTable distinct, int[] ids) {
        this.count = count;
        this.distinct = distinct;
        this.ids = ids;
        this.distinctCount = distinct.size();
    }

    static Int128Stats of(long[] high, long[] low, int count) {
        Int128HashTable distinct = new Int128HashTable(count);
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = distinct.idOf(high[i], low[i]);
        }
        return new Int128Stats(count, distinct, ids);
    }
}
