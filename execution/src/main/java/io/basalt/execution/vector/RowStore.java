package io.basalt.execution.vector;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows materialized in one growable vector per column: a hash join's build side, a sort run, a nested
 * loop join's inner side. Every growth is reserved against the query's memory budget before the arrays
 * are allocated. Not thread-safe: each worker fills its own store.
 */
public final class RowStore {

    private final List<PhysicalKind> kinds;
    private final ColumnVector[] columns;
    private final MemoryReservation memory;
    private int rowCount;
    /** Positions the column arrays hold; new vectors start with arrays of one position. */
    private int capacity = 1;
    private long reservedBytes;
    /** Bytes {@link #tryAppend} reserved up front, drawn on by the growth of the append they were reserved for. */
    private long prepaidBytes;

    public RowStore(List<PhysicalKind> kinds, MemoryReservation memory) {
        this.kinds = List.copyOf(kinds);
        this.columns = new ColumnVector[kinds.size()];
        this.memory = memory;
        for (int c = 0; c < columns.length; c++) {
            columns[c] = kinds.get(c) == PhysicalKind.BYTES ? new BytesVector(0, 0) : ColumnVector.create(kinds.get(c), 0);
        }
        reservedBytes = currentBytes();
        memory.grow(reservedBytes);
    }

    /** One store holding the rows of all {@code parts} in order; the parts are released. */
    public static RowStore concatenate(List<PhysicalKind> kinds, List<RowStore> parts, MemoryReservation memory) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        RowStore result = new RowStore(kinds, memory);
        long rows = 0;
        for (RowStore part : parts) {
            rows += part.rowCount;
        }
        result.reserveRows(Math.toIntExact(rows));
        for (RowStore part : parts) {
            result.append(part.columns, part.rowCount);
            part.release();
        }
        return result;
    }

    public void append(ColumnBatch batch) {
        append(batch.columns().toArray(new ColumnVector[0]), batch.rowCount());
    }

    /**
     * Appends the batch when the memory it needs fits in the budget; otherwise appends nothing and returns false
     * (the caller spills). The growth is reserved up front with {@link MemoryReservation#tryGrow}.
     */
    public boolean tryAppend(ColumnBatch batch) {
        long needed = bytesToAppend(batch);
        if (!memory.tryGrow(needed)) {
            return false;
        }
        prepaidBytes = needed;
        try {
            append(batch);
        } finally {
            memory.shrink(prepaidBytes);
            prepaidBytes = 0;
        }
        return true;
    }

    /** The bytes {@link #append} would reserve for {@code batch}: the growth of the column arrays it causes. */
    private long bytesToAppend(ColumnBatch batch) {
        int count = batch.rowCount();
        long bytes = 0;
        if (Math.addExact(rowCount, count) > capacity) {
            long perRow = 0;
            for (PhysicalKind kind : kinds) {
                perRow += VectorSizes.bytesPerPosition(kind);
            }
            bytes += perRow * (grownCapacity(capacity, rowCount + count) - (long) capacity);
        }
        for (int c = 0; c < columns.length && count > 0; c++) {
            if (columns[c] instanceof BytesVector target) {
                BytesVector source = (BytesVector) batch.column(c);
                int needed = target.dataSize() + source.offset(count) - source.offset(0);
                if (needed > target.data().length) {
                    bytes += grownCapacity(target.data().length, needed) - (long) target.data().length;
                }
            }
        }
        return bytes;
    }

    private void append(ColumnVector[] sources, int count) {
        if (count == 0) {
            return;
        }
        reserveRows(Math.addExact(rowCount, count));
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof BytesVector bytes) {
                BytesVector source = (BytesVector) sources[c];
                int needed = bytes.dataSize() + source.offset(count) - source.offset(0);
                if (needed > bytes.data().length) {
                    int grown = grownCapacity(bytes.data().length, needed);
                    reserve(grown - (long) bytes.data().length);
                    bytes.ensureDataCapacity(grown);
                }
            }
            VectorCopier.appendRange(columns[c], sources[c], 0, count);
        }
        rowCount += count;
    }

    /** Appends row {@code row} of {@code sources} (one vector per column). */
    public void appendRow(ColumnVector[] sources, int row) {
        reserveRows(rowCount + 1);
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof BytesVector bytes) {
                BytesVector source = (BytesVector) sources[c];
                int needed = bytes.dataSize() + source.length(row);
                if (needed > bytes.data().length) {
                    int grown = grownCapacity(bytes.data().length, needed);
                    reserve(grown - (long) bytes.data().length);
                    bytes.ensureDataCapacity(grown);
                }
            }
            columns[c].appendFrom(sources[c], row);
        }
        rowCount++;
    }

    /** Makes room for {@code rows} rows in total, reserving the memory first. */
    public void reserveRows(int rows) {
        if (rows <= capacity) {
            return;
        }
        int grown = grownCapacity(capacity, rows);
        long perRow = 0;
        for (PhysicalKind kind : kinds) {
            perRow += VectorSizes.bytesPerPosition(kind);
        }
        reserve(perRow * (grown - (long) capacity));
        for (ColumnVector column : columns) {
            column.ensureCapacity(grown);
        }
        capacity = grown;
    }

    private void reserve(long bytes) {
        long prepaid = Math.min(prepaidBytes, bytes);
        prepaidBytes -= prepaid;
        memory.grow(bytes - prepaid);
        reservedBytes += bytes;
    }

    public int rowCount() {
        return rowCount;
    }

    /** The bytes the store holds against its reservation. */
    public long reservedBytes() {
        return reservedBytes;
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnVector column(int index) {
        return columns[index];
    }

    public ColumnVector[] columns() {
        return columns.clone();
    }

    public List<PhysicalKind> kinds() {
        return kinds;
    }

    /** Gives the memory back; the store must not be used afterwards. */
    public void release() {
        memory.shrink(reservedBytes);
        reservedBytes = 0;
        for (int c = 0; c < columns.length; c++) {
            columns[c] = null;
        }
    }

    private long currentBytes() {
        long total = 0;
        for (ColumnVector column : columns) {
            total += VectorSizes.bytes(column);
        }
        return total;
    }

    static int grownCapacity(int current, int needed) {
        long grown = Math.max((long) needed, current + (current >> 1) + 16L);
        return (int) Math.min(grown, Integer.MAX_VALUE - 16);
    }
}
