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
 *
 * <p>A store {@link #inChunks in chunks} (a worker's part of a join's inner side) keeps each appended batch as a
 * copy of its exact size instead, read only by {@link #batches} and {@link #concatenate}, which copies them once
 * into a store of the exact total size: each row is copied twice and the arrays allocated hold twice the rows,
 * where growing by half at a time and then concatenating copied each row about four times (TPC-H Q9's build of
 * 319,000 joined rows: growing and concatenating were 13 % of the query's CPU).
 */
public final class RowStore {

    private final List<PhysicalKind> kinds;
    private final ColumnVector[] columns;
    private final MemoryReservation memory;
    private int rowCount;
    /** Positions the column arrays hold; new vectors start with arrays of one position. */
    private int capacity = 1;
    private long reservedBytes;
    /** A store in chunks: its batches, each copied at its size; null for a store of growable vectors. */
    private List<ColumnBatch> chunks;

    public RowStore(List<PhysicalKind> kinds, MemoryReservation memory) {
        this(kinds, memory, false);
    }

    private RowStore(List<PhysicalKind> kinds, MemoryReservation memory, boolean inChunks) {
        this.kinds = List.copyOf(kinds);
        this.columns = new ColumnVector[kinds.size()];
        this.memory = memory;
        if (inChunks) {
            chunks = new ArrayList<>();
            return;
        }
        for (int c = 0; c < columns.length; c++) {
            columns[c] = kinds.get(c) == PhysicalKind.BYTES ? new BytesVector(0, 0) : ColumnVector.create(kinds.get(c), 0);
        }
        reservedBytes = currentBytes();
        memory.grow(reservedBytes);
    }

    /**
     * An empty store that keeps appended batches as exact copies, to be {@link #concatenate concatenated}. It holds no
     * arrays and reserves nothing until a batch comes: a worker that starts after the others filled the budget (a
     * build side about to spill) must not fail the query for an empty store's few bytes.
     */
    public static RowStore inChunks(List<PhysicalKind> kinds, MemoryReservation memory) {
        return new RowStore(kinds, memory, true);
    }

    /**
     * One store of growable vectors holding the rows of all {@code parts} in order, sized exactly; the parts are
     * released. A single part of growable vectors is the result itself.
     */
    public static RowStore concatenate(List<PhysicalKind> kinds, List<RowStore> parts, MemoryReservation memory) {
        if (parts.size() == 1 && parts.get(0).chunks == null) {
            return parts.get(0);
        }
        RowStore result = new RowStore(kinds, memory);
        long rows = 0;
        for (RowStore part : parts) {
            rows += part.rowCount;
        }
        result.reserveRows(Math.toIntExact(rows));
        result.reserveData(parts);
        for (RowStore part : parts) {
            for (ColumnBatch batch : part.batches()) {
                result.append(batch.columns().toArray(new ColumnVector[0]), batch.rowCount());
            }
            part.release();
        }
        return result;
    }

    /** Sizes the text columns' data arrays for all of {@code parts}' strings, so that appending them grows nothing. */
    private void reserveData(List<RowStore> parts) {
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] instanceof BytesVector target) {
                long bytes = 0;
                for (RowStore part : parts) {
                    for (ColumnBatch batch : part.batches()) {
                        bytes += textBytes((BytesVector) batch.column(c), batch.rowCount());
                    }
                }
                int needed = Math.toIntExact(target.dataSize() + bytes);
                if (needed > target.data().length) {
                    reserve(needed - (long) target.data().length);
                    target.ensureDataCapacity(needed);
                }
            }
        }
    }

    /** The rows as batches, without copying: a chunked store's chunks, or one batch of this store's vectors. */
    public List<ColumnBatch> batches() {
        if (chunks != null) {
            return List.copyOf(chunks);
        }
        return rowCount == 0 ? List.of() : List.of(new ColumnBatch(rowCount, List.of(columns)));
    }

    public void append(ColumnBatch batch) {
        if (chunks != null) {
            if (batch.rowCount() > 0) {
                reserve(exactBytes(batch));
                addChunk(batch);
            }
            return;
        }
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
        if (chunks != null) {
            long bytes = exactBytes(batch);
            if (!memory.tryGrow(bytes)) {
                return false;
            }
            reservedBytes += bytes;
            addChunk(batch);
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

    /** The bytes an exact copy of {@code batch} holds (what {@link #addChunk} allocates). */
    private long exactBytes(ColumnBatch batch) {
        long bytes = bytesPerRow() * batch.rowCount();
        for (int c = 0; c < columns.length; c++) {
            if (batch.column(c) instanceof BytesVector source) {
                bytes += textBytes(source, batch.rowCount());
            }
        }
        return bytes;
    }

    private void addChunk(ColumnBatch batch) {
        chunks.add(VectorCopier.slice(batch, 0, batch.rowCount()));
        rowCount = Math.addExact(rowCount, batch.rowCount());
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
        return Math.addExact(target.dataSize(), textBytes(source, count));
    }

    /** The string bytes of {@code source}'s first {@code count} positions. */
    private static int textBytes(BytesVector source, int count) {
        return source.offset(count) - source.offset(0);
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
        requireVectors();
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
        requireVectors();
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

    /** The bytes the store holds against its reservation. */
    public long reservedBytes() {
        return reservedBytes;
    }

    public int columnCount() {
        return columns.length;
    }

    public ColumnVector column(int index) {
        requireVectors();
        return columns[index];
    }

    public ColumnVector[] columns() {
        requireVectors();
        return columns.clone();
    }

    /** A chunked store has no vectors of all its rows: it is read by {@link #batches} or {@link #concatenate}d. */
    private void requireVectors() {
        if (chunks != null) {
            throw new IllegalStateException("a store in chunks is read through batches() or concatenate()");
        }
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
        if (chunks != null) {
            chunks.clear();
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
