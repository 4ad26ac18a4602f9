package io.basalt.storage.encoding;

/** What the encoding selector needs to know about a block's non-null booleans. */
final class BooleanStats {

    final int count;
    final int trueCount;
    final int runCount;
    final int maxRunLength;

    private BooleanStats(int count, int trueCount, int runCount, int maxRunLength) {
        this.count = count;
        this.trueCount = trueCount;
        this.runCount = runCount;
        this.maxRunLength = maxRunLength;
    }

    static BooleanStats of(boolean[] values, int count) {
        int trues = 0;
        int runs = 0;
        int run = 0;
        int maxRun = 0;
        for (int i = 0; i < count; i++) {
            trues += values[i] ? 1 : 0;
            if (i > 0 && values[i] == values[i - 1]) {
                run++;
            } else {
                maxRun = Math.max(maxRun, run);
                run = 1;
                runs++;
            }
        }
        return new BooleanStats(count, trues, runs, Math.max(maxRun, run));
    }

    boolean isConstant() {
        return count > 0 && (trueCount == 0 || trueCount == count);
    }
}
