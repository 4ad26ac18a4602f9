package io.basalt.execution.sort;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileReader;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/**
 * A cursor over a run spilled to a file, whose rows were written in sorted order: it holds one batch of the
 * file at a time and reserves that batch's memory, so a merge of k runs needs k batches, not k runs.
 */
final class SpilledRunCursor implements RunCursor {

    private final int runCount;
    private final MemoryReservation memory;
    private SpillFileReader reader;
    private ColumnVector[] columns;
    private int rowCount;
    private int next;
    private long heldBytes;

    /** @param runCount how many runs the merge reads at once, for the message when their batches do not fit */
    SpilledRunCursor(SpillFile file, int runCount, MemoryReservation memory) {
        this.runCount = runCount;
        this.memory = memory;
        this.reader = file.open();
    }

    @Override
    public ColumnVector[] columns() {
        return columns;
    }

    @Override
    public int position() {
        return next;
    }

    @Override
    public boolean advanceInBatch() {
        return ++next < rowCount;
    }

    @Override
    public boolean hasMoreBatches() {
        return reader != null;
    }

    @Override
    public boolean loadNextBatch() {
        release();
        ColumnBatch batch = reader == null ? null : reader.next();
        if (batch == null) {
            close();
            return false;
        }
        long bytes = VectorSizes.bytes(batch);
        if (!memory.tryGrow(bytes)) {
            throw new ExecutionException(ExecutionException.OUT_OF_MEMORY, "query exceeded its memory limit while "
                    + "merging " + runCount + " sorted runs spilled to disk: a batch of " + bytes
                    + " bytes of each run does not fit (" + memory.heldBytes() + " bytes held by the sort); raise memory_limit");
        }
        heldBytes = bytes;
        columns = batch.columns().toArray(new ColumnVector[0]);
        rowCount = batch.rowCount();
        next = 0;
        return true;
    }

    private void release() {
        memory.shrink(heldBytes);
        heldBytes = 0;
        columns = null;
    }

    @Override
    public void close() {
        release();
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }
}
