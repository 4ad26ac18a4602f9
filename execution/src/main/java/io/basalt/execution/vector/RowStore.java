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
     * Appends the batch if the memory it needs can be reserved; otherwise appends nothing and returns false,
     * and the caller spills (a sort writes its rows as a run and starts a new store).
     */
    public boolean tryAppend(ColumnBatch batch) {
        ColumnVector[] sources = batch.columns().toArray(new ColumnVector[0]);
        int count = batch.rowCount();
        if (count == 0) {
            return true;
        }
        long needed = growthBytes(sources, count);
        if (!memory.tryGrow(needed)) {
            return false;
        }
        reservedBytes += needed;
        growAndCopy(sources, count);
        return true;
    }

    private void append(ColumnVector[] sources, int count) {
        if (count == 0) {
            return;
        }
        reserve(growthBytes(sources, count));
        growAndCopy(sources, count);
    }

    /** The bytes {@link #growAndCopy} will allocate for {@code count} more rows from {@code sources}. */
    private long growthBytes(ColumnVector[] sources, int count) {
        long bytes = 0;
        int rows = Math.addExact(rowCount, count);
        if (rows > capacity) {
            bytes += bytesPerRow() * (grownCapacity(capacity, rows) - (long) capacity);
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof BytesVector target) {
                int needed = dataNeeded(target, (BytesVector) sources[c], count);
                if (needed > target.data().length) {
                    bytes += grownCapacity(target.data().length, needed) - (long) target.data().length;
                }
            }
        }
        return bytes;
    }

    /** Grows the arrays exactly as {@link #growthBytes} computed (already reserved) and copies the rows in. */
    private void growAndCopy(ColumnVector[] sources, int count) {
        int rows = rowCount + count;
        if (rows > capacity) {
            capacity = grownCapacity(capacity, rows);
            for (ColumnVector column : columns) {
                column.ensureCapacity(capacity);
            }
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof BytesVector target) {
                int needed = dataNeeded(target, (BytesVector) sources[c], count);
                if (needed > target.data().length) {
                    target.ensureDataCapacity(grownCapacity(target.data().length, needed));
                }
            }
            VectorCopier.appendRange(columns[c], sources[c], 0, count);
        }
        rowCount = rows;
    }

    private static int dataNeeded(BytesVector target, BytesVector source, int count) {
        return Math.addExact(target.dataSize(), source.offset(count) - source.offset(0));
    }

    private long bytesPerRow() {
        long perRow = 0;
        for (PhysicalKind kind : kinds) {
            perRow += VectorSizes.bytesPerPosition(kind);
        }
        return perRow;
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
        reserve(bytesPerRow() * (grown - (long) capacity));
        for (ColumnVector column : columns) {
            column.ensureCapacity(grown);
        }
        capacity = grown;
    }

    private void reserve(long bytes) {
        memory.grow(bytes);
        reservedBytes += bytes;
    }

    public int rowCount() {
        return rowCount;
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
