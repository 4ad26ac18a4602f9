package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

/** One worker thread's side of a {@link Sink}; used by that thread only. */
public interface SinkWriter {

    /** A batch produced by the morsel numbered {@code sequence} (batches of one morsel arrive in order). */
    void consume(long sequence, ColumnBatch batch);

    /**
     * Whether {@link #consumeSelected} uses a selection's rows in place (see {@link BatchConsumer#acceptSelected});
     * asked per batch, before it is built. By default no.
     */
    default boolean takesSelections() {
        return false;
    }

    /**
     * {@link #consume} of the rows {@code positions[0, count)} of {@code batch} (see
     * {@link BatchConsumer#acceptSelected}); by default of a copy of those rows.
     */
    default void consumeSelected(long sequence, ColumnBatch batch, int[] positions, int count) {
        consume(sequence, VectorCopier.select(batch, positions, count));
    }

    /** The morsel numbered {@code sequence} produced all its batches. */
    default void morselFinished(long sequence) {
    }

    /**
     * Whether the writer may keep a batch (or a vector of one) after {@link #consume} returns; while it says no,
     * the batches it is given may be built from recycled arrays ({@link io.basalt.execution.vector.BatchArena}).
     * Asked before each batch is built. Writers that keep nothing override it.
     */
    default boolean keepsBatches() {
        return true;
    }

    /** The worker has no more morsels. */
    default void finish() {
    }
}
