package io.basalt.execution.profile;

import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.storage.vector.ColumnBatch;

/** A streaming operator measured for EXPLAIN ANALYZE. */
public final class ProfiledOperator implements StreamingOperator {

    private final StreamingOperator operator;
    private final NodeStatistics statistics;

    public ProfiledOperator(StreamingOperator operator, NodeStatistics statistics) {
        this.operator = operator;
        this.statistics = statistics;
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        TimedConsumer timed = new TimedConsumer(output, statistics);
        long start = System.nanoTime();
        try {
            operator.process(input, timed);
        } finally {
            long end = System.nanoTime();
            statistics.addWork(start, end, end - start - timed.downstreamNanos);
        }
    }

    @Override
    public boolean hasFinalOutput() {
        return operator.hasFinalOutput();
    }

    @Override
    public void finish(BatchConsumer output) {
        finishStep(output);
    }

    @Override
    public boolean finishStep(BatchConsumer output) {
        TimedConsumer timed = new TimedConsumer(output, statistics);
        long start = System.nanoTime();
        try {
            return operator.finishStep(timed);
        } finally {
            long end = System.nanoTime();
            statistics.addWork(start, end, end - start - timed.downstreamNanos);
        }
    }

    @Override
    public void close() {
        operator.close();
    }
}
