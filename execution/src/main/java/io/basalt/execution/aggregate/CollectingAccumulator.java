package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.sort.IndexSorter;
import io.basalt.execution.sort.RowComparator;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;
import java.util.List;

/**
 * An aggregate that needs all of a group's values at once (STRING_AGG, percentiles, MODE). The values it accepts
 * are copied into one {@link RowStore} (the call's arguments, then its ORDER BY columns), each group's rows chained
 * through a per-row link, so adding and merging are appends. At the end each group's rows are sorted by the
 * call's ORDER BY (stable: ties keep their input order) and handed to {@link #appendResult}.
 */
abstract class CollectingAccumulator extends GroupedAccumulator {

    private final List<PhysicalKind> kinds;
    private final RowComparator order;
    private final MemoryReservation memory;
    private RowStore values;
    /** Per group, its last stored row (-1: none yet). */
    private int[] lastRow = new int[0];
    private int[] rowCounts = new int[0];
    /** Per stored row, the previous stored row of its group (-1: none). */
    private int[] previousRow = new int[0];

    /**
     * @param kinds the stored columns: the call's arguments, then its ORDER BY columns
     * @param order sort keys over the stored columns; empty to keep the input order
     */
    CollectingAccumulator(List<PhysicalKind> kinds, List<SortKey> order, MemoryReservation memory) {
        super(memory);
        this.kinds = List.copyOf(kinds);
        this.order = order.isEmpty() ? null : new RowComparator(order, kinds);
        this.memory = memory;
    }

    /** Whether row {@code row} of the stored columns' sources takes part: rows whose first column is NULL do not. */
    protected boolean accepts(ColumnVector[] arguments, int row) {
        return !arguments[0].isNull(row);
    }

    /**
     * Appends group {@code group}'s result to {@code output}, from its stored rows {@code rows[0..count)} in the
     * call's order ({@code columns} are the store's); {@code count} may be 0.
     */
    protected abstract void appendResult(ColumnVector[] columns, int[] rows, int count, ColumnVector output);

    /** The physical kind of the results. */
    protected abstract PhysicalKind resultKind();

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void resize(int newCapacity) {
        int old = lastRow.length;
        lastRow = Arrays.copyOf(lastRow, newCapacity);
        Arrays.fill(lastRow, old, newCapacity, -1);
        rowCounts = Arrays.copyOf(rowCounts, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (accepts(arguments, row)) {
                store(arguments, row, groupIds[row]);
            }
        }
    }

    private void store(ColumnVector[] sources, int row, int group) {
        if (values == null) {
            values = new RowStore(kinds, memory);
        }
        values.appendRow(sources, row);
        int stored = values.rowCount() - 1;
        if (stored >= previousRow.length) {
            int grown = Math.max(16, previousRow.length * 2);
            reserve(4L * (grown - previousRow.length));
            previousRow = Arrays.copyOf(previousRow, grown);
        }
        previousRow[stored] = lastRow[group];
        lastRow[group] = stored;
        rowCounts[group]++;
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        CollectingAccumulator other = (CollectingAccumulator) source;
        for (int i = 0; i < count; i++) {
            int[] rows = other.rowsOf(sourceGroups[i]);
            if (rows.length == 0) {
                continue;
            }
            ColumnVector[] columns = other.values.columns();
            for (int row : rows) {
                store(columns, row, targetGroups[i]);
            }
        }
    }

    /** Group {@code group}'s stored rows in the order they were stored. */
    private int[] rowsOf(int group) {
        int[] rows = new int[rowCounts[group]];
        int row = lastRow[group];
        for (int i = rows.length - 1; i >= 0; i--) {
            rows[i] = row;
            row = previousRow[row];
        }
        return rows;
    }

    @Override
    public ColumnVector result(int from, int count) {
        ColumnVector output = ColumnVector.create(resultKind(), count);
        ColumnVector[] columns = values == null ? null : values.columns();
        for (int group = from; group < from + count; group++) {
            int[] rows = rowsOf(group);
            if (order != null && rows.length > 1) {
                IndexSorter.sort(rows, rows.length, (left, right) -> order.compare(columns, left, columns, right));
            }
            appendResult(columns, rows, rows.length, output);
        }
        return output;
    }

    /** Whether two stored rows are equal in the call's ORDER BY keys. */
    protected final boolean sameOrderKeys(ColumnVector[] columns, int left, int right) {
        return order.compare(columns, left, columns, right) == 0;
    }

    @Override
    public void release() {
        if (values != null) {
            values.release();
            values = null;
        }
        super.release();
    }
}
