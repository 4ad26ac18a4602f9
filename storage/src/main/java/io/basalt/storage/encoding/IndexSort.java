package io.basalt.storage.encoding;

/**
 * Sorts an array of indexes by a comparison of what they point to, without boxing: used to put the
 * dictionary entries of INT128 and BYTES blocks in value order. A stable merge sort, O(n log n).
 */
public final class IndexSort {

    /** Compares the values at two indexes. */
    public interface IndexComparator {
        int compare(int left, int right);
    }

    private IndexSort() {
    }

    /** Returns {@code 0 .. count-1} ordered by {@code comparator}. */
    public static int[] sortedIndexes(int count, IndexComparator comparator) {
        int[] indexes = new int[count];
        for (int i = 0; i < count; i++) {
            indexes[i] = i;
        }
        int[] scratch = new int[count];
        for (int width = 1; width < count; width <<= 1) {
            for (int left = 0; left < count - width; left += width << 1) {
                int mid = left + width;
                int right = Math.min(left + (width << 1), count);
                merge(indexes, scratch, left, mid, right, comparator);
            }
        }
        return indexes;
    }

    private static void merge(int[] a, int[] scratch, int left, int mid, int right, IndexComparator comparator) {
        System.arraycopy(a, left, scratch, left, right - left);
        int i = left;
        int j = mid;
        int k = left;
        while (i < mid && j < right) {
            a[k++] = comparator.compare(scratch[j], scratch[i]) < 0 ? scratch[j++] : scratch[i++];
        }
        while (i < mid) {
            a[k++] = scratch[i++];
        }
        while (j < right) {
            a[k++] = scratch[j++];
        }
    }

    /**
     * Renumbers ids so that their order follows {@code sorted} (the ids in value order): the result holds,
     * for each of the first {@code count} ids, its position in {@code sorted}.
     */
    static int[] remap(int[] ids, int count, int[] sorted) {
        int[] rank = new int[sorted.length];
        for (int r = 0; r < sorted.length; r++) {
            rank[sorted[r]] = r;
        }
        int[] codes = new int[count];
        for (int i = 0; i < count; i++) {
            codes[i] = rank[ids[i]];
        }
        return codes;
    }
}
