package io.basalt.execution.pipeline;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A share of parallel work handed to the pool, run by whoever claims it first: the pool's thread when it starts, or
 * nobody when the submitting thread, having run out of work itself, claims it before (waking a pool thread takes about
 * 0.1 ms, longer than a small pipeline or merge step; see {@link PipelineExecution#run}).
 */
final class ClaimedShare implements Runnable {

    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Runnable work;

    ClaimedShare(Runnable work) {
        this.work = work;
    }

    /** True for the first caller only: the pool's thread in {@link #run}, or the thread giving the share up. */
    boolean claim() {
        return claimed.compareAndSet(false, true);
    }

    @Override
    public void run() {
        if (claim()) {
            work.run();
        }
    }
}
