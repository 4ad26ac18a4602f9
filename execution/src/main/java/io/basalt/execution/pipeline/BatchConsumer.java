package io.basalt.execution.pipeline;

import io.basalt.storage.vector.ColumnBatch;

/** Where an operator or a morsel pushes the batches it produces. */
@FunctionalInterface
public interface BatchConsumer {

    void accept(ColumnBatch batch);
}
