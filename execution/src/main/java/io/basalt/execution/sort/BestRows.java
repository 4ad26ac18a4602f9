package io.basalt.execution.sort;

import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;

/**
 * The best {@code keep} rows of one batch under a sort order, found with a bounded heap: a top-N keeps only these
 * of a large batch, instead of copying the whole batch (text columns included) and sorting all of it. TPC-H Q10
 * takes the first 20 of 38,000 aggregated rows with four text columns, which arrive as one batch.
 *
 * <p>Ties go to the earlier row, as the stable sort of the whole batch would have it, and the rows come back in
 * input order, so that the sort that follows (stable too) sees them as it would have.
 */
final class BestRows {

    private BestRows() {
    }

    /**
     * The positions of the best {@code keep} of rows {@code 0 .. count - 1}, ascending; all of them when {@code count
     * <= keep}.
     */
    static int[] of(ColumnVector[] columns, int count, RowComparator comparator, int keep) {
        if (count <= keep) {
            int[] all = new int[count];
            Arrays.setAll(all, i -> i);
            return all;
        }
        // A max-heap of kept positions: the root is the worst kept row (the later one among equals).
        int[] heap = new int[keep];
        for (int row = 0; row < keep; row++) {
            heap[row] = row;
            siftUp(heap, row, columns, comparator);
        }
        for (int row = keep; row < count; row++) {
            // A later row equal to the worst kept one loses the tie.
            if (keep > 0 && comparator.compare(columns, row, columns, heap[0]) < 0) {
                heap[0] = row;
                siftDown(heap, keep, columns, comparator);
            }
        }
        Arrays.sort(heap);
        return heap;
    }

    /** Whether kept row {@code a} sorts after kept row {@code b}: later by the order, or equal and later in the input. */
    private static boolean worse(int a, int b, ColumnVector[] columns, RowComparator comparator) {
        int comparison = comparator.compare(columns, a, columns, b);
        return comparison > 0 || (comparison == 0 && a > b);
    }

    private static void siftUp(int[] heap, int index, ColumnVector[] columns, RowComparator comparator) {
        int row = heap[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!worse(row, heap[parent], columns, comparator)) {
                break;
            }
            heap[index] = heap[parent];
            index = parent;
        }
        heap[index] = row;
    }

    private static void siftDown(int[] heap, int size, ColumnVector[] columns, RowComparator comparator) {
        int index = 0;
        int row = heap[0];
        while (true) {
            int child = 2 * index + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && worse(heap[child + 1], heap[child], columns, comparator)) {
                child++;
            }
            if (!worse(heap[child], row, columns, comparator)) {
                break;
            }
            heap[index] = heap[child];
            index = child;
        }
        heap[index] = row;
    }
}
