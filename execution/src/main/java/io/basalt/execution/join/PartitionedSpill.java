package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileWriter;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

import java.util.List;

/**
 * One side of a spilling hash join on disk: one spill file per partition of {@link JoinPartitioner}, written by
 * several workers at once (each file under its own lock) and created on its partition's first row.
 */
final class PartitionedSpill implements AutoCloseable {

    /** Rows split at a time: a whole worker's build rows split at once would need their size again in copies. */
    private static final int SLICE_ROWS = 1 << 14;

    private final SpillSpace space;
    private final String purpose;
    private final List<PhysicalKind> kinds;
    private final JoinPartitioner partitioner;
    private final MemoryReservation memory;
    private final SpillFileWriter[] writers = new SpillFileWriter[JoinPartitioner.PARTITIONS];
    private final Object[] locks = new Object[JoinPartitioner.PARTITIONS];

    /** @param memory the join's reservation, which counts the rows and bytes spilled for EXPLAIN ANALYZE */
    PartitionedSpill(SpillSpace space, String purpose, List<PhysicalKind> kinds, JoinPartitioner partitioner,
                     MemoryReservation memory) {
        this.space = space;
        this.purpose = purpose;
        this.kinds = List.copyOf(kinds);
        this.partitioner = partitioner;
        this.memory = memory;
        for (int p = 0; p < locks.length; p++) {
            locks[p] = new Object();
        }
    }

    /** Splits the rows by partition and appends each part to its partition's file. */
    void write(ColumnBatch batch) {
        for (int from = 0; from < batch.rowCount(); from += SLICE_ROWS) {
            ColumnBatch slice = batch.rowCount() <= SLICE_ROWS ? batch
                    : VectorCopier.slice(batch, from, Math.min(SLICE_ROWS, batch.rowCount() - from));
            ColumnBatch[] parts = partitioner.split(slice);
            for (int p = 0; p < parts.length; p++) {
                if (parts[p] != null) {
                    write(p, parts[p]);
                }
            }
        }
    }

    /** Appends rows that all belong to {@code partition}. */
    void write(int partition, ColumnBatch rows) {
        synchronized (locks[partition]) {
            if (writers[partition] == null) {
                writers[partition] = space.newFile(purpose, kinds);
            }
            writers[partition].write(rows);
        }
    }

    /** The files, one per partition (null for a partition without rows); called once every writer is done. */
    SpillFile[] finish() {
        SpillFile[] files = new SpillFile[writers.length];
        for (int p = 0; p < writers.length; p++) {
            synchronized (locks[p]) {
                if (writers[p] != null) {
                    files[p] = writers[p].finish();
                    writers[p] = null;
                    memory.recordSpill(files[p].bytes(), files[p].rowCount());
                }
            }
        }
        return files;
    }

    /** Closes the writers {@link #finish} did not (a failed or cancelled query); the space deletes their files. */
    @Override
    public void close() {
        for (int p = 0; p < writers.length; p++) {
            synchronized (locks[p]) {
                if (writers[p] != null) {
                    writers[p].close();
                    writers[p] = null;
                }
            }
        }
    }
}
