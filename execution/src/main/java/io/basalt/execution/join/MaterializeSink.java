package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.vector.RowStore;
import io.basalt.storage.type.PhysicalKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects a join's inner (right) input into one {@link RowStore}: each worker appends to its own store (in
 * chunks, {@link RowStore#inChunks}), and the finish concatenates them into one of the exact size. The nested-loop
 * join reads the store as it is; the hash join indexes it.
 */
public class MaterializeSink implements Sink {

    private final List<PhysicalKind> kinds;
    private final MemoryReservation memory;
    private final List<RowStore> parts = new ArrayList<>();
    private volatile RowStore rows;
    private boolean closed;

    public MaterializeSink(List<PhysicalKind> kinds, MemoryReservation memory) {
        this.kinds = List.copyOf(kinds);
        this.memory = memory;
    }

    @Override
    public SinkWriter createWriter() {
        RowStore part = newPart();
        return (sequence, batch) -> part.append(batch);
    }

    /** A store for one worker's rows (in chunks), concatenated with the others' by {@link #finish}. */
    protected RowStore newPart() {
        RowStore part = RowStore.inChunks(kinds, memory);
        synchronized (parts) {
            parts.add(part);
        }
        return part;
    }

    /** Takes {@code part} out of the ones {@link #finish} concatenates (its rows went elsewhere). */
    protected void forgetPart(RowStore part) {
        synchronized (parts) {
            parts.remove(part);
        }
    }

    /** The workers' stores, once they all finished; the sink forgets them. */
    protected List<RowStore> takeParts() {
        synchronized (parts) {
            List<RowStore> filled = new ArrayList<>(parts);
            parts.clear();
            return filled;
        }
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<RowStore> filled = takeParts();
        if (filled.isEmpty()) {
            filled.add(new RowStore(kinds, memory));
        }
        rows = RowStore.concatenate(kinds, filled, memory);
    }

    /** The collected rows; valid after the pipeline finished. */
    public RowStore rows() {
        return rows;
    }

    protected List<PhysicalKind> kinds() {
        return kinds;
    }

    protected MemoryReservation memory() {
        return memory;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            rows = null;
            memory.close();
        }
    }
}
