package io.basalt.execution.pipeline;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the rows of a subplan used in several places ({@code SharedResultNode}) so that each use reads them
 * without computing them again. The producing pipeline writes them here; every use gets its own source
 * ({@link #newConsumer()}), which may only be read once the producing pipeline finished (the pipeline builder lists
 * it before every pipeline that reads it; a read before that is a bug and fails loudly). The rows are handed out
 * in the order the producer made them (by morsel), the same for every use. Their memory counts against the
 * query's budget, past which the query fails with 53200 (shared results do not spill), and is given back when the
 * last use closed its source.
 */
public final class SharedResultSink implements Sink {

    private final MemoryReservation memory;
    private final List<List<SequencedBatch>> parts = new ArrayList<>();
    private volatile List<ColumnBatch> batches;
    private int openUses;
    private boolean closed;

    /** A batch with the number of the morsel that produced it and its place among that morsel's batches. */
    private record SequencedBatch(long sequence, int order, ColumnBatch batch) {
    }

    public SharedResultSink(MemoryReservation memory) {
        this.memory = memory;
    }

    @Override
    public SinkWriter createWriter() {
        List<SequencedBatch> part = new ArrayList<>();
        synchronized (parts) {
            parts.add(part);
        }
        return (sequence, batch) -> {
            if (batch.rowCount() > 0) {
                memory.grow(VectorSizes.bytes(batch));
                part.add(new SequencedBatch(sequence, part.size(), batch));
            }
        };
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<SequencedBatch> all = new ArrayList<>();
        synchronized (parts) {
            parts.forEach(all::addAll);
            parts.clear();
        }
        // A morsel runs on one worker, whose writer keeps its batches in order: morsel number, then that order.
        all.sort(Comparator.comparingLong(SequencedBatch::sequence).thenComparingInt(SequencedBatch::order));
        batches = all.stream().map(SequencedBatch::batch).toList();
    }

    /**
     * The source of one use: every row, one morsel per batch. All uses are created while the query is cut into
     * pipelines, before any runs; the rows are freed when every use closed its source (more than once counts once).
     */
    public synchronized MorselSource newConsumer() {
        openUses++;
        AutoCloseable done = new AutoCloseable() {
            private boolean released;

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    useFinished();
                }
            }
        };
        return new BatchListSource(this::rows, done);
    }

    private List<ColumnBatch> rows() {
        List<ColumnBatch> rows = batches;
        if (rows == null) {
            throw new IllegalStateException("a shared result was read before the pipeline computing it finished");
        }
        return rows;
    }

    private synchronized void useFinished() {
        openUses--;
        if (openUses == 0) {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            batches = List.of();
            synchronized (parts) {
                // A producer stopped before its end leaves its writers' batches here.
                parts.clear();
            }
            memory.close();
        }
    }
}
