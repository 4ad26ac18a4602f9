package io.basalt.server.network;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs one connection's tasks in order, one at a time, on the shared statement pool. A connection never occupies a
 * pool thread while it waits for its client; each request (a query, a fetch of more rows) is one task, so clients
 * that stream long results take turns with everyone else. A task the pool rejects (the server is stopping) runs
 * {@code onRejected} instead.
 */
final class SerialExecutor {

    private final Executor pool;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private Runnable active;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    synchronized void execute(Runnable task) {
        tasks.add(() -> {
            try {
                task.run();
            } finally {
                scheduleNext();
            }
        });
        if (active == null) {
            scheduleNext();
        }
    }

    private synchronized void scheduleNext() {
        active = tasks.poll();
        if (active != null) {
            try {
                pool.execute(active);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the pool is shut down: run the rest here, so cleanup tasks still happen
                Runnable rejected = active;
                active = null;
                tasks.clear();
                new Thread(rejected, "basalt-connection-cleanup").start();
            }
        }
    }
}
