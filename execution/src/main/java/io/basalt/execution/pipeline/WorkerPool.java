package io.basalt.execution.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every query's workers run on. A cached pool: idle threads are reused and a busy one is never
 * waited for, because workers may block (waiting for the consumer of an ordered result, or for the other
 * morsels of a join before emitting its unmatched rows), and a fixed pool could then starve other queries.
 * How many workers one query uses is its {@code parallelism}.
 */
public final class WorkerPool {

    private static final ExecutorService SHARED = Executors.newCachedThreadPool(new DaemonThreads());

    private WorkerPool() {
    }

    public static ExecutorService shared() {
        return SHARED;
    }

    /** How many of the pool's threads run a task now (approximate): zero once every query's workers stopped. */
    public static int activeWorkers() {
        return ((ThreadPoolExecutor) SHARED).getActiveCount();
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {

        private final AtomicInteger counter = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "basalt-worker-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
