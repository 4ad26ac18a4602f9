package io.basalt.execution.pipeline;

import io.basalt.execution.ExecutionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs independent tasks (the partitions of an aggregation's merge) on up to {@code parallelism} threads
 * and waits for all of them; the calling thread takes part, and a helper thread that has not started by the time
 * every task is taken is not waited for. The first failure is rethrown.
 */
public final class TaskRunner {

    private final ExecutorService pool;
    private final ExecutionContext context;

    public TaskRunner(ExecutorService pool, ExecutionContext context) {
        this.pool = pool;
        this.context = context;
    }

    public int parallelism() {
        return context.parallelism();
    }

    /** For long single-threaded steps of a merge: fails with 57014 when the query was cancelled. */
    public void checkCancelled() {
        context.checkCancelled();
    }

    public void runAll(List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        int threads = Math.min(context.parallelism(), tasks.size());
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch helpersDone = new CountDownLatch(threads - 1);
        Runnable worker = () -> {
            int index;
            while (failure.get() == null && (index = next.getAndIncrement()) < tasks.size()) {
                try {
                    context.checkCancelled();
                    tasks.get(index).run();
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            }
        };
        List<ClaimedShare> helpers = new ArrayList<>(threads - 1);
        for (int i = 1; i < threads; i++) {
            ClaimedShare helper = new ClaimedShare(() -> {
                try {
                    worker.run();
                } finally {
                    helpersDone.countDown();
                }
            });
            helpers.add(helper);
            pool.execute(helper);
        }
        worker.run();
        // Every task is taken: a helper that has not started yet would find none, so it is not waited for.
        for (ClaimedShare helper : helpers) {
            if (helper.claim()) {
                helpersDone.countDown();
            }
        }
        try {
            helpersDone.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(thrown);
        }
    }
}
