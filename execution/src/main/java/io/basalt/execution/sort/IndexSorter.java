package io.basalt.execution.sort;

/**
 * Sorts an array of row indexes with a comparator on the rows: a merge sort (stable, n log n in the worst
 * case, which a quicksort on adversarial ORDER BY input is not) with insertion sort for short runs.
 */
public final class IndexSorter {

    private static final int INSERTION_SORT_THRESHOLD = 24;

    @FunctionalInterface
    public interface IndexComparator {
        int compare(int left, int right);
    }

    private IndexSorter() {
    }

    public static void sort(int[] indexes, int count, IndexComparator comparator) {
        if (count < 2) {
            return;
        }
        int[] buffer = indexes.clone();
        mergeSort(buffer, indexes, 0, count, comparator);
    }

    /** Sorts {@code source[from, to)} into {@code target[from, to)}; both hold the same values on entry. */
    private static void mergeSort(int[] source, int[] target, int from, int to, IndexComparator comparator) {
        int length = to - from;
        if (length <= INSERTION_SORT_THRESHOLD) {
            for (int i = from + 1; i < to; i++) {
                int value = target[i];
                int j = i - 1;
                while (j >= from && comparator.compare(target[j], value) > 0) {
                    target[j + 1] = target[j];
                    j--;
                }
                target[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        mergeSort(target, source, from, middle, comparator);
        mergeSort(target, source, middle, to, comparator);
        if (comparator.compare(source[middle - 1], source[middle]) <= 0) {
            System.arraycopy(source, from, target, from, length);
            return;
        }
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || left < middle && comparator.compare(source[left], source[right]) <= 0) {
                target[i] = source[left++];
            } else {
                target[i] = source[right++];
            }
        }
    }
}
