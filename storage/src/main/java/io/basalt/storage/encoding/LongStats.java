package io.basalt.storage.encoding;

/**
 * What the encoding selector needs to know about a block's non-null long values: range, runs, the range
 * of neighbour differences (small and non-negative for sorted or time-like data) and the distinct values.
 * Differences wrap like the DELTA encoding does, so the estimate matches what would be written. The
 * distinct values are counted exactly (a block is at most {@link BlockLimits#MAX_ROWS} values) and kept,
 * with each value's id, for the dictionary encoder.
 */
final class LongStats {

    final int count;
    final long min;
    final long max;
    final int runCount;
    final int maxRunLength;
    final long minDelta;
    final long maxDelta;
    final int distinctCount;
    /** The distinct values by id, in order of first appearance. */
    final LongHashTable distinct;
    /** {@code ids[i]} is the id of value {@code i}. */
    final int[] ids;

    private LongStats(int count, long min, long max, int runCount, int maxRunLength, long minDelta, long maxDelta,
                      LongHashTable distinct, int[] ids) {
        this.count = count;
        this.min = min;
        this.max = max;
        this.runCount = runCount;
        this.maxRunLength = maxRunLength;
        this.minDelta = minDelta;
        this.maxDelta = maxDelta;
        this.distinct = distinct;
        this.ids = ids;
        this.distinctCount = distinct.size();
    }

    static LongStats of(long[] values, int count) {
        LongHashTable distinct = new LongHashTable(count);
        int[] ids = new int[count];
        if (count == 0) {
            return new LongStats(0, 0, 0, 0, 0, 0, 0, distinct, ids);
        }
        long min = values[0];
        long max = values[0];
        long minDelta = Long.MAX_VALUE;
        long maxDelta = Long.MIN_VALUE;
        int runs = 1;
        int run = 1;
        int maxRun = 1;
        for (int i = 1; i < count; i++) {
            long v = values[i];
            min = Math.min(min, v);
            max = Math.max(max, v);
            long delta = v - values[i - 1];
            minDelta = Math.min(minDelta, delta);
            maxDelta = Math.max(maxDelta, delta);
            if (delta == 0) {
                run++;
            } else {
                maxRun = Math.max(maxRun, run);
                run = 1;
                runs++;
            }
        }
        maxRun = Math.max(maxRun, run);
        if (count == 1) {
            minDelta = 0;
            maxDelta = 0;
        }
        for (int i = 0; i < count; i++) {
            ids[i] = distinct.idOf(values[i]);
        }
        return new LongStats(count, min, max, runs, maxRun, minDelta, maxDelta, distinct, ids);
    }
}
