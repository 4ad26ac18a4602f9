package io.basalt.execution.scan;

/** Searches in arrays of non-decreasing values. */
final class SortedSearch {

    private SortedSearch() {
    }

    /**
     * The first index in {@code [from, end)} whose value is at least {@code key}, or {@code end}: a galloping search
     * from {@code from} (steps 1, 2, 4, … then a binary search in the last step), so a key found near the previous
     * one costs a few comparisons however long the array.
     */
    static int firstAtLeast(long[] ascending, int from, int end, long key) {
        if (from >= end || ascending[from] >= key) {
            return from;
        }
        int below = from; // ascending[below] < key
        int step = 1;
        int above = from + 1; // end, or an index whose value is at least key once the loop ends
        while (above < end && ascending[above] < key) {
            below = above;
            step <<= 1;
            above = below + step;
        }
        above = Math.min(above, end);
        while (above - below > 1) {
            int middle = (below + above) >>> 1;
            if (ascending[middle] < key) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return above;
    }
}
