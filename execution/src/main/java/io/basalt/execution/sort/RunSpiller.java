package io.basalt.execution.sort;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileWriter;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes sorted runs to spill files: rows in sorted order, in batches of {@link #BATCH_ROWS} rows, which is
 * also how much of each run a merge holds in memory later. Every write is recorded on the sort's memory
 * reservation for EXPLAIN ANALYZE.
 */
final class RunSpiller {

    static final int BATCH_ROWS = 1024;

    private final SpillSpace space;
    private final List<PhysicalKind> kinds;
    private final MemoryReservation memory;
    private final AtomicLong largestBatchBytes = new AtomicLong();

    RunSpiller(SpillSpace space, List<PhysicalKind> kinds, MemoryReservation memory) {
        this.space = space;
        this.kinds = kinds;
        this.memory = memory;
    }

    /** Writes rows {@code order[0..]} of {@code columns}, in that order. */
    SpillFile write(ColumnVector[] columns, int[] order) {
        try (SpillFileWriter writer = space.newFile("sort run", kinds)) {
            for (int from = 0; from < order.length; from += BATCH_ROWS) {
                int count = Math.min(BATCH_ROWS, order.length - from);
                int[] positions = Arrays.copyOfRange(order, from, from + count);
                List<ColumnVector> selected = new ArrayList<>(columns.length);
                for (ColumnVector column : columns) {
                    selected.add(VectorCopier.select(column, positions, count));
                }
                write(writer, new ColumnBatch(count, selected));
            }
            return finished(writer);
        }
    }

    /** Writes everything {@code merger} produces (a merge of other runs, in batches of BATCH_ROWS) as one run. */
    SpillFile write(RunMerger merger) {
        try (SpillFileWriter writer = space.newFile("sort run", kinds)) {
            ColumnBatch batch;
            while ((batch = merger.next()) != null) {
                write(writer, batch);
            }
            return finished(writer);
        }
    }

    private void write(SpillFileWriter writer, ColumnBatch batch) {
        largestBatchBytes.accumulateAndGet(VectorSizes.bytes(batch), Math::max);
        writer.write(batch);
    }

    /** The in-memory size of the largest batch written: about what a merge holds per run it reads. */
    long largestBatchBytes() {
        return largestBatchBytes.get();
    }

    private SpillFile finished(SpillFileWriter writer) {
        SpillFile file = writer.finish();
        memory.recordSpill(file.bytes(), file.rowCount());
        return file;
    }
}
