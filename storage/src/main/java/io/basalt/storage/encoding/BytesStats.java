package io.basalt.storage.encoding;

/**
 * What the encoding selector needs to know about a block's non-null BYTES values: sizes, runs, and the
 * distinct values (counted exactly, with their total length), kept with each value's id for the
 * dictionary encoder.
 */
final class BytesStats {

    final int count;
    final long totalBytes;
    final int maxLength;
    final int runCount;
    final int maxRunLength;
    /** Total length of the first value of each run. */
    final long runBytes;
    final int distinctCount;
    /** Total length of the distinct values. */
    final long distinctBytes;
    final BytesHashTable distinct;
    /** {@code ids[i]} is the id of value {@code i}. */
    final int[] ids;

    private BytesStats(int count, long totalBytes, int maxLength, int runCount, int maxRunLength, long runBytes,
                       BytesHashTable distinct, int[] ids, long distinctBytes) {
        this.count = count;
        this.totalBytes = totalBytes;
        this.maxLength = maxLength;
        this.runCount = runCount;
        this.maxRunLength = maxRunLength;
        this.runBytes = runBytes;
        this.distinct = distinct;
        this.ids = ids;
        this.distinctCount = distinct.size();
        this.distinctBytes = distinctBytes;
    }

    static BytesStats of(BytesValues values) {
        int count = values.count();
        BytesHashTable distinct = new BytesHashTable(values, count);
        int[] ids = new int[count];
        int maxLength = 0;
        for (int i = 0; i < count; i++) {
            ids[i] = distinct.idOf(i);
            maxLength = Math.max(maxLength, values.length(i));
        }
        long distinctBytes = 0;
        for (int id = 0; id < distinct.size(); id++) {
            distinctBytes += values.length(distinct.firstIndex[id]);
        }
        // Equal values have equal ids, so runs need no second byte comparison.
        int runs = 0;
        int run = 0;
        int maxRun = 0;
        long runBytes = 0;
        for (int i = 0; i < count; i++) {
            if (i > 0 && ids[i] == ids[i - 1]) {
                run++;
            } else {
                maxRun = Math.max(maxRun, run);
                run = 1;
                runs++;
                runBytes += values.length(i);
            }
        }
        maxRun = Math.max(maxRun, run);
        return new BytesStats(count, values.totalBytes(), maxLength, runs, maxRun, runBytes, distinct, ids, distinctBytes);
    }
}
