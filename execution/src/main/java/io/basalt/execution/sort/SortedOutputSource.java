package io.basalt.execution.sort;

import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.storage.vector.ColumnBatch;

/**
 * The rows of a finished sort, one morsel per merged batch, in order. The merge runs here, a batch per
 * {@link #next()}, so the sorted result is never materialized a second time (and a spilled sort reads its
 * runs as the consumer goes). Closing the source closes the sink, which frees the runs and deletes their files.
 */
final class SortedOutputSource implements MorselSource {

    private final SortSink sink;

    SortedOutputSource(SortSink sink) {
        this.sink = sink;
    }

    @Override
    public Morsel next() {
        ColumnBatch batch = sink.nextBatch();
        if (batch == null) {
            return null;
        }
        return output -> output.accept(batch);
    }

    @Override
    public void close() {
        sink.close();
    }
}
