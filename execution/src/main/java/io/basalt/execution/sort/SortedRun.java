package io.basalt.execution.sort;

import io.basalt.execution.vector.RowStore;
import io.basalt.storage.vector.ColumnVector;

/** Rows one worker collected and the order that sorts them. */
final class SortedRun {

    final RowStore rows;
    final ColumnVector[] columns;
    final int[] order;

    SortedRun(RowStore rows, int[] order) {
        this.rows = rows;
        this.columns = rows.columns();
        this.order = order;
    }

    int size() {
        return order.length;
    }

    /** Sorts {@code rows}, keeping at most {@code keep} rows of the order ({@code -1}: all). */
    static SortedRun sort(RowStore rows, RowComparator comparator, long keep) {
        int count = rows.rowCount();
        int[] order = order(rows.columns(), count, comparator);
        if (keep >= 0 && keep < count) {
            order = java.util.Arrays.copyOf(order, (int) keep);
        }
        return new SortedRun(rows, order);
    }

    /** The positions {@code 0 .. count - 1} of {@code columns} in sorted order. */
    static int[] order(ColumnVector[] columns, int count, RowComparator comparator) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        IndexSorter.sort(order, count, (a, b) -> comparator.compare(columns, a, columns, b));
        return order;
    }
}
