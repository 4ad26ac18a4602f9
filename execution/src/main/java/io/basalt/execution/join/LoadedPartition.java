package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileReader;
import io.basalt.execution.vector.RowStore;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * One build partition of a spilled hash join read back into memory and indexed, with the bytes it holds
 * against the join's reservation. Loading and releasing run on one thread while nothing else uses the
 * reservation (the build's finish, the probe's final step), so the bytes are what the reservation grew by.
 */
record LoadedPartition(JoinHashTable table, long bytes) {

    /**
     * Bytes a row's share of the hash table may take at most while it is built: chains and scratch (16), and
     * open addressing slots for as many groups as rows at a quarter full, old and new while a table grows (192).
     */
    private static final long TABLE_BYTES_PER_ROW = 16 + 192;

    /** What an empty table reserves for its first slots, whatever its rows. */
    private static final long EMPTY_TABLE_BYTES = 4096;

    /**
     * The partition's rows indexed, or null when they, their table and as much again do not fit in the memory
     * budget (nothing stays reserved then). A null file is an empty partition.
     */
    static LoadedPartition loadIfFits(SpillFile file, List<PhysicalKind> kinds, int[] keyColumns, MemoryReservation memory,
                                      Runnable cancellation) {
        return loadIfFits(file, kinds, keyColumns, memory, cancellation, 0);
    }

    /**
     * Like {@link #loadIfFits(SpillFile, List, int[], MemoryReservation, Runnable)}, but {@code loadedBytes}
     * (partitions already loaded) must fit once more too: all of them together then take at most half of
     * what was free before the first.
     */
    static LoadedPartition loadIfFits(SpillFile file, List<PhysicalKind> kinds, int[] keyColumns, MemoryReservation memory,
                                      Runnable cancellation, long loadedBytes) {
        long before = memory.heldBytes();
        RowStore rows = new RowStore(kinds, memory);
        if (file != null) {
            try (SpillFileReader reader = file.open()) {
                for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                    cancellation.run();
                    if (!rows.tryAppend(batch)) {
                        rows.release();
                        return null;
                    }
                }
            }
        }
        // Only a check: building the table reserves its actual bytes as it grows. The partition must fit twice,
        // its share of the budget staying at most half of what is free: the join's output, its consumers and
        // the other partitions need memory too, and would otherwise fail or spill for want of it.
        long check = tableBytes(rows, keyColumns) + memory.heldBytes() - before + loadedBytes;
        if (!memory.tryGrow(check)) {
            rows.release();
            return null;
        }
        memory.shrink(check);
        JoinHashTable table = JoinHashTable.build(rows, keyColumns, memory, cancellation);
        return new LoadedPartition(table, memory.heldBytes() - before);
    }

    /** An upper bound of what indexing {@code rows} reserves: per-row table bytes and a copy of the keys. */
    static long tableBytes(RowStore rows, int[] keyColumns) {
        long bytes = EMPTY_TABLE_BYTES + TABLE_BYTES_PER_ROW * rows.rowCount();
        for (int column : keyColumns) {
            bytes += VectorSizes.bytes(rows.column(column));
        }
        return bytes;
    }

    /** Gives the partition's memory back; its table must not be used afterwards. */
    void release(MemoryReservation memory) {
        memory.shrink(bytes);
    }
}
