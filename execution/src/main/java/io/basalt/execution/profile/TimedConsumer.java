package io.basalt.execution.profile;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.storage.vector.ColumnBatch;

/**
 * Passes batches downstream, counting the node's output rows and the time spent downstream, so that the
 * node's own time is its total minus what it waited on the operators after it.
 */
final class TimedConsumer implements BatchConsumer {

    private final BatchConsumer downstream;
    private final NodeStatistics statistics;
    long downstreamNanos;

    TimedConsumer(BatchConsumer downstream, NodeStatistics statistics) {
        this.downstream = downstream;
        this.statistics = statistics;
    }

    @Override
    public void accept(ColumnBatch batch) {
        statistics.addRows(batch.rowCount());
        long start = System.nanoTime();
        try {
            downstream.accept(batch);
        } finally {
            downstreamNanos += System.nanoTime() - start;
        }
    }
}
