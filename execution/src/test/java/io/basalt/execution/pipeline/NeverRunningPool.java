package io.basalt.execution.pipeline;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A pool that takes tasks and never runs them, as if its threads were all slow to wake; {@link #queued} holds them. */
final class NeverRunningPool extends AbstractExecutorService {

    final List<Runnable> queued = new CopyOnWriteArrayList<>();

    @Override
    public void execute(Runnable command) {
        queued.add(command);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.copyOf(queued);
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }
}
