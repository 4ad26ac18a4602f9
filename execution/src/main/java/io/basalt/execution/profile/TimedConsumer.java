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

    /** As the consumer it measures, so that EXPLAIN ANALYZE runs what the query runs. */
    @Override
    public boolean takesSelections() {
        return downstream.takesSelections();
    }

    /** The node's output rows are the kept ones. */
    @Override
    public void acceptSelected(ColumnBatch batch, int[] positions, int count) {
        statistics.addRows(count);
        long start = System.nanoTime();
        try {
            downstream.acceptSelected(batch, positions, count);
        } finally {
            downstreamNanos += System.nanoTime() - start;
        }
    }
}
