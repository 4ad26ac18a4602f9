package io.basalt.execution.window;

import io.basalt.execution.plan.WindowFrame.Exclusion;

/**
 * The rows of one row's frame that its EXCLUDE clause leaves: up to three ranges {@code [from, to]} (inclusive), in
 * ascending order and none empty. Without EXCLUDE that is the frame itself; EXCLUDE CURRENT ROW or GROUP cuts out the
 * row or its peer group, leaving what lies before and after it; EXCLUDE TIES cuts out the peers but puts the row back
 * between them. One instance is reused row after row ({@link #cut}), so a bucket allocates nothing per row.
 */
final class FrameRanges {

    private final int[] from = new int[3];
    private final int[] to = new int[3];
    private int count;

    /** Sets the ranges to those of {@code row}'s frame, with its {@code exclusion} applied. */
    void cut(FrameBounds bounds, Exclusion exclusion, PartitionLayout layout, int row) {
        count = 0;
        if (bounds.isEmpty(row)) {
            return;
        }
        int first = bounds.first[row];
        int last = bounds.last[row];
        if (exclusion == Exclusion.NO_OTHERS) {
            add(first, last);
            return;
        }
        int excludedFirst = exclusion == Exclusion.CURRENT_ROW ? row : layout.peerStart[row];
        int excludedLast = exclusion == Exclusion.CURRENT_ROW ? row : layout.peerEnd[row] - 1;
        add(first, Math.min(last, excludedFirst - 1));
        if (exclusion == Exclusion.TIES && row >= first && row <= last) {
            add(row, row);
        }
        add(Math.max(first, excludedLast + 1), last);
    }

    private void add(int rangeFrom, int rangeTo) {
        if (rangeFrom <= rangeTo) {
            from[count] = rangeFrom;
            to[count++] = rangeTo;
        }
    }

    /** How many ranges there are (0: no row is left). */
    int count() {
        return count;
    }

    int from(int range) {
        return from[range];
    }

    int to(int range) {
        return to[range];
    }

    /**
     * The {@code n}-th row (from 1) of the ranges counted from the first row ({@code fromEnd} false) or from the last
     * one backwards; -1 when they hold fewer rows.
     */
    int nth(long n, boolean fromEnd) {
        long remaining = n;
        for (int i = 0; i < count; i++) {
            int range = fromEnd ? count - 1 - i : i;
            long size = to[range] - from[range] + 1L;
            if (remaining <= size) {
                return (int) (fromEnd ? to[range] - (remaining - 1) : from[range] + (remaining - 1));
            }
            remaining -= size;
        }
        return -1;
    }
}
