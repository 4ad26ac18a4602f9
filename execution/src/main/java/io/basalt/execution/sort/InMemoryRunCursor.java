package io.basalt.execution.sort;

import io.basalt.storage.vector.ColumnVector;

/** A cursor over a run held in memory: its rows in the run's sorted order. */
final class InMemoryRunCursor implements RunCursor {

    private final SortedRun run;
    private int next;

    InMemoryRunCursor(SortedRun run) {
        this.run = run;
    }

    /** Whether the run has no rows (a merge leaves it out). */
    boolean isEmpty() {
        return run.size() == 0;
    }

    @Override
    public ColumnVector[] columns() {
        return run.columns;
    }

    @Override
    public int position() {
        return run.order[next];
    }

    @Override
    public boolean advanceInBatch() {
        return ++next < run.size();
    }

    @Override
    public boolean hasMoreBatches() {
        return false;
    }

    @Override
    public boolean loadNextBatch() {
        return false;
    }

    @Override
    public void close() {
        // the sink releases the run's rows
    }
}
