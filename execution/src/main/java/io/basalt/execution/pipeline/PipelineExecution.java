package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.vector.BatchArena;
import io.basalt.execution.vector.SelectionArrays;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one pipeline morsel-driven: {@code parallelism} workers each take the next morsel (numbered in
 * source order), run it through the pipeline's operators into their own sink writer, and check for
 * cancellation between morsels. The last worker to leave finishes the sink (merging the per-thread state)
 * unless the pipeline failed or was stopped.
 */
public final class PipelineExecution {

    private final Pipeline pipeline;
    private final ExecutionContext context;
    private final ExecutorService pool;
    private final CompletableFuture<Void> completion = new CompletableFuture<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicInteger activeWorkers = new AtomicInteger();
    private volatile boolean stopRequested;
    private long nextSequence;
    private boolean exhausted;

    public PipelineExecution(Pipeline pipeline, ExecutionContext context, ExecutorService pool) {
        this.pipeline = pipeline;
        this.context = context;
        this.pool = pool;
    }

    public Pipeline pipeline() {
        return pipeline;
    }

    public void start() {
        int workers = context.parallelism();
        activeWorkers.set(workers);
        for (int i = 0; i < workers; i++) {
            try {
                pool.execute(this::work);
            } catch (RuntimeException e) {
                fail(e);
                workerLeft();
            }
        }
    }

    /**
     * Runs the pipeline to its end with the calling thread as one of its workers, then waits for the others; rethrows
     * the pipeline's failure. For a pipeline whose caller would otherwise only wait for it (one that feeds others): a
     * small one (a dimension table's hash build) is then done on this thread while the pool's threads are still being
     * woken, and a helper that has not started by the time this thread runs out of morsels is not waited for at all
     * (each start is a thread wake-up, about 0.1 ms a pipeline on this machine's small queries).
     */
    public void run() {
        int workers = context.parallelism();
        activeWorkers.set(workers);
        List<ClaimedShare> helpers = new ArrayList<>(workers - 1);
        for (int i = 1; i < workers; i++) {
            ClaimedShare helper = new ClaimedShare(this::work);
            helpers.add(helper);
            try {
                pool.execute(helper);
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        try {
            work();
        } finally {
            SelectionArrays.dropKept(); // this thread may be the application's, alive long after the query
        }
        for (ClaimedShare helper : helpers) {
            if (helper.claim()) {
                workerLeft();
            }
        }
        await();
    }

    /** Asks the workers to stop after their current batch; the sink is not finished. */
    public void stop() {
        stopRequested = true;
        pipeline.sink().abort(null);
    }

    /** Waits until the workers are gone and the sink is finished; rethrows the pipeline's failure. */
    public void await() {
        while (true) {
            try {
                completion.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                if (context.cancelled().get()) {
                    fail(new io.basalt.execution.ExecutionException(io.basalt.execution.ExecutionException.QUERY_CANCELED,
                            "canceling statement due to user request"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new PipelineStoppedException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    /** Waits for the workers to leave, ignoring any failure (used when tearing a query down). */
    public void awaitQuietly() {
        try {
            completion.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // the failure was reported elsewhere, or the query is being closed anyway
        }
    }

    public boolean isDone() {
        return completion.isDone();
    }

    private void work() {
        try {
            SinkWriter writer = pipeline.sink().createWriter();
            BatchArena.lendingTo(writer::keepsBatches, () -> runMorsels(writer));
            if (!stopRequested && failure.get() == null) {
                writer.finish();
            }
        } catch (PipelineStoppedException e) {
            // stopped on purpose: nothing to report
        } catch (Throwable t) {
            fail(t);
        } finally {
            workerLeft();
        }
    }

    /** Runs morsels into this worker's writer until the source is exhausted or the pipeline stops. */
    private void runMorsels(SinkWriter writer) {
        while (true) {
            context.checkCancelled();
            long sequence;
            Morsel morsel;
            synchronized (this) {
                if (exhausted || stopRequested || failure.get() != null || !pipeline.sink().needsMoreInput()) {
                    return;
                }
                morsel = pipeline.source().next();
                if (morsel == null) {
                    exhausted = true;
                    return;
                }
                sequence = nextSequence++;
            }
            try {
                pipeline.sink().admit(sequence);
            } catch (Throwable t) {
                morsel.discard();
                throw t;
            }
            morsel.run(new Delivery(writer, sequence));
            writer.morselFinished(sequence);
        }
    }

    /** Hands a morsel's batches to this worker's writer, unless the pipeline stopped. */
    private final class Delivery implements BatchConsumer {

        private final SinkWriter writer;
        private final long sequence;

        Delivery(SinkWriter writer, long sequence) {
            this.writer = writer;
            this.sequence = sequence;
        }

        @Override
        public void accept(ColumnBatch batch) {
            checkRunning();
            writer.consume(sequence, batch);
        }

        @Override
        public boolean takesSelections() {
            return writer.takesSelections();
        }

        @Override
        public void acceptSelected(ColumnBatch batch, int[] positions, int count) {
            checkRunning();
            writer.consumeSelected(sequence, batch, positions, count);
        }
    }

    private void checkRunning() {
        if (stopRequested || failure.get() != null) {
            throw new PipelineStoppedException();
        }
    }

    private void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            pipeline.sink().abort(t);
        }
    }

    private void workerLeft() {
        if (activeWorkers.decrementAndGet() != 0) {
            return;
        }
        if (failure.get() == null && !stopRequested) {
            try {
                pipeline.sink().finish(new TaskRunner(pool, context));
            } catch (Throwable t) {
                fail(t);
            }
        }
        Throwable thrown = failure.get();
        if (thrown != null) {
            completion.completeExceptionally(thrown);
        } else {
            completion.complete(null);
        }
    }
}
