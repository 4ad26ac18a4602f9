package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands a pipeline's rows to one consumer in morsel order, whatever order the workers finish in, so results
 * keep the plan's order (a sort's output, a scan's table order under a LIMIT). Workers may run at most
 * {@code window} morsels ahead of the one being consumed, which bounds what is buffered; the batches of the
 * morsel being consumed stream out while it is still running. Applies an offset and a limit on the way out
 * and, once the limit is reached, tells the pipeline to hand out no more morsels.
 *
 * <p>The buffer {@linkplain MemoryReservation#trySetAside sets aside} a share of the budget for itself (see
 * {@link #setAsideBytes}), and operators whose output can be large after they spilled (an aggregation's or a join's
 * spilled partitions, a sort's merge) emit it in morsels of at most {@link #outputStepBytes}: a window of such
 * morsels always fits in what is set aside, however much of the rest of the budget the operators' tables took. The
 * buffer never waits for memory (it fails with 53200 past the budget) and operators never wait for the buffer's
 * memory (they spill), so neither can hold up the other.
 */
public final class ResultCollector implements Sink {

    private static final long POLL_MILLIS = 50;

    /** The most a result buffer sets aside: a quarter of a small budget, no more than this of a large one. */
    private static final long MAX_SET_ASIDE_BYTES = 8L << 20;

    private final long offset;
    private final long limit;
    private final int window;
    private final ExecutionContext context;
    private final MemoryReservation memory;
    private final Map<Long, MorselOutput> pending = new HashMap<>();
    private long consuming;
    private long rowsSkipped;
    private long rowsReturned;
    private boolean inputFinished;
    private boolean satisfied;
    private boolean closed;
    private Throwable failure;

    /** @param limit at most this many rows after skipping {@code offset}; -1 for all */
    public ResultCollector(long offset, long limit, ExecutionContext context, MemoryReservation memory) {
        this.offset = offset;
        this.limit = limit;
        this.window = context.parallelism() + 1;
        this.context = context;
        this.memory = memory;
        this.satisfied = limit == 0;
        memory.trySetAside(setAsideBytes(memory.limitBytes()));
    }

    /** What a result buffer under a budget of {@code limitBytes} sets aside for the morsels it holds. */
    static long setAsideBytes(long limitBytes) {
        return Math.min(limitBytes / 4, MAX_SET_ASIDE_BYTES);
    }

    /**
     * The most bytes one morsel of a spilled operator's output should hold, so that the result buffer's window of
     * {@code parallelism + 1} morsels fits in what it sets aside; at least one byte (a step then emits one row).
     */
    public static long outputStepBytes(long limitBytes, int parallelism) {
        return Math.max(1, setAsideBytes(limitBytes) / (parallelism + 1L));
    }

    @Override
    public SinkWriter createWriter() {
        return new SinkWriter() {
            @Override
            public void consume(long sequence, ColumnBatch batch) {
                add(sequence, batch);
            }

            @Override
            public void morselFinished(long sequence) {
                finishMorsel(sequence);
            }
        };
    }

    @Override
    public synchronized void admit(long sequence) {
        while (sequence >= consuming + window) {
            checkRunning();
            waitAWhile();
        }
        checkRunning();
    }

    @Override
    public synchronized boolean needsMoreInput() {
        return !satisfied && !closed;
    }

    private synchronized void add(long sequence, ColumnBatch batch) {
        checkRunning();
        if (batch.rowCount() == 0) {
            return;
        }
        long bytes = VectorSizes.bytes(batch);
        memory.grow(bytes);
        MorselOutput output = pending.computeIfAbsent(sequence, s -> new MorselOutput());
        output.batches.add(batch);
        output.bytes += bytes;
        notifyAll();
    }

    private synchronized void finishMorsel(long sequence) {
        pending.computeIfAbsent(sequence, s -> new MorselOutput()).finished = true;
        notifyAll();
    }

    @Override
    public synchronized void finish(TaskRunner tasks) {
        inputFinished = true;
        notifyAll();
    }

    @Override
    public synchronized void abort(Throwable cause) {
        if (cause != null && failure == null) {
            failure = cause;
        }
        if (cause == null) {
            closed = true;
        }
        notifyAll();
    }

    /**
     * The next batch in order, {@code null} at the end (all rows delivered, or the limit reached). Blocks
     * while the next rows are still being computed; rethrows the pipeline's failure.
     */
    public synchronized ColumnBatch next() {
        context.checkCancelled();
        while (true) {
            if (failure != null) {
                rethrow(failure);
            }
            if (satisfied || closed) {
                memory.releaseSetAside();
                return null;
            }
            MorselOutput output = pending.get(consuming);
            if (output != null && !output.batches.isEmpty()) {
                ColumnBatch batch = output.batches.poll();
                long bytes = VectorSizes.bytes(batch);
                output.bytes -= bytes;
                memory.shrink(bytes);
                ColumnBatch trimmed = applyOffsetAndLimit(batch);
                if (trimmed != null) {
                    return trimmed;
                }
                continue;
            }
            if (output != null && output.finished) {
                pending.remove(consuming);
                consuming++;
                notifyAll();
                continue;
            }
            if (inputFinished) {
                memory.releaseSetAside();
                return null;
            }
            context.checkCancelled();
            waitAWhile();
        }
    }

    private ColumnBatch applyOffsetAndLimit(ColumnBatch batch) {
        int from = 0;
        int rows = batch.rowCount();
        if (rowsSkipped < offset) {
            int skip = (int) Math.min(offset - rowsSkipped, rows);
            rowsSkipped += skip;
            from = skip;
            rows -= skip;
        }
        if (limit >= 0) {
            rows = (int) Math.min(rows, limit - rowsReturned);
        }
        if (rows <= 0) {
            return null;
        }
        rowsReturned += rows;
        if (limit >= 0 && rowsReturned >= limit) {
            satisfied = true;
            releaseBuffered();
            notifyAll();
        }
        return VectorSlicer.slice(batch, from, rows);
    }

    private void releaseBuffered() {
        for (MorselOutput output : pending.values()) {
            memory.shrink(output.bytes);
        }
        pending.clear();
    }

    private void checkRunning() {
        if (failure != null || closed || satisfied) {
            throw new PipelineStoppedException();
        }
        context.checkCancelled();
    }

    private void waitAWhile() {
        try {
            wait(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineStoppedException();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }

    @Override
    public synchronized void close() {
        closed = true;
        releaseBuffered();
        memory.releaseSetAside();
        notifyAll();
    }

    private static final class MorselOutput {
        final ArrayDeque<ColumnBatch> batches = new ArrayDeque<>();
        long bytes;
        boolean finished;
    }
}
