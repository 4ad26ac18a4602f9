package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;

/**
 * An operator that turns each input batch into output batches without waiting for the rest of its input:
 * filter, project, hash-join probe, nested-loop join. One instance serves all worker threads of a
 * pipeline at once, so {@link #process} keeps its scratch memory local to the call.
 */
public interface StreamingOperator extends AutoCloseable {

    void process(ColumnBatch input, BatchConsumer output);

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

    @Override
    default void close() {
    }
}
