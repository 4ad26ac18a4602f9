package io.basalt.execution.sort;

import io.basalt.storage.vector.ColumnVector;

/**
 * A position in one sorted run during a merge. A run in memory is one set of vectors; a spilled run is read
 * a batch at a time, and its vectors change when the next batch is loaded.
 */
interface RunCursor extends AutoCloseable {

    /** The vectors the current row is in. */
    ColumnVector[] columns();

    /** The current row's position in {@link #columns()}. */
    int position();

    /** Moves to the next row of the current vectors; false when they are used up (the position is then invalid). */
    boolean advanceInBatch();

    /**
     * Whether {@link #loadNextBatch()} may replace {@link #columns()}: a merge must first gather the rows it took from
     * the old vectors.
     */
    boolean hasMoreBatches();

    /** Loads the next batch and moves to its first row; false at the end of the run. */
    boolean loadNextBatch();

    /** Frees what the cursor holds (a file reader and its batch's memory). */
    @Override
    void close();
}
