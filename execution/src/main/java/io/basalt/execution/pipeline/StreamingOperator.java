package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

/**
 * An operator that turns each input batch into output batches without waiting for the rest of its input:
 * filter, project, hash-join probe, nested-loop join. One instance serves all worker threads of a
 * pipeline at once, so {@link #process} keeps its scratch memory local to the call.
 */
public interface StreamingOperator extends AutoCloseable {

    void process(ColumnBatch input, BatchConsumer output);

    /**
     * Whether {@link #processSelected} passes a selection on to {@code output} rather than copying the rows out (see
     * {@link BatchConsumer#acceptSelected}); by default no.
     */
    default boolean takesSelections(BatchConsumer output) {
        return false;
    }

    /**
     * {@link #process} of the rows {@code positions[0, count)} of {@code input} (see
     * {@link BatchConsumer#acceptSelected}); by default of a copy of those rows.
     */
    default void processSelected(ColumnBatch input, int[] positions, int count, BatchConsumer output) {
        process(VectorCopier.select(input, positions, count), output);
    }

    /**
     * Whether the operator emits more rows after its whole input was processed (the unmatched build rows of
     * a right or full outer join).
     */
    default boolean hasFinalOutput() {
        return false;
    }

    /** Emits the final rows; called once, after every input batch was processed. */
    default void finish(BatchConsumer output) {
    }

    /**
     * Emits the next piece of the final rows and says whether more follow; called after every input batch was
     * processed, one call at a time, each call in a morsel of its own, so that a sink keeping the input's order
     * bounds how far ahead of its consumer the final rows get, as it does for the input's morsels. Operators
     * with much final output (a hash join that spilled to disk) override it; by default everything is emitted in
     * one piece by {@link #finish}.
     */
    default boolean finishStep(BatchConsumer output) {
        finish(output);
        return false;
    }

    @Override
    default void close() {
    }
}
