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
        timed(output, timed -> {
            operator.process(input, timed);
            return null;
        });
    }

    /** Runs {@code work} on a consumer that times {@code output}; the node's work is the time outside it. */
    private <T> T timed(BatchConsumer output, java.util.function.Function<BatchConsumer, T> work) {
        TimedConsumer timed = new TimedConsumer(output, statistics);
        long start = System.nanoTime();
        try {
            return work.apply(timed);
        } finally {
            long end = System.nanoTime();
            statistics.addWork(start, end, end - start - timed.downstreamNanos);
        }
    }

    @Override
    public boolean takesSelections(BatchConsumer output) {
        return operator.takesSelections(output);
    }

    @Override
    public void processSelected(ColumnBatch input, int[] positions, int count, BatchConsumer output) {
        timed(output, timed -> {
            operator.processSelected(input, positions, count, timed);
            return null;
        });
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
        return timed(output, operator::finishStep);
    }

    @Override
    public void close() {
        operator.close();
    }
}
