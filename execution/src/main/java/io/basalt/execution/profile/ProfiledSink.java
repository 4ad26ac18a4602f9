package io.basalt.execution.profile;

import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.storage.vector.ColumnBatch;

/** A pipeline breaker's sink measured for EXPLAIN ANALYZE: time spent consuming its input and merging. */
public final class ProfiledSink implements Sink {

    private final Sink sink;
    private final NodeStatistics statistics;

    public ProfiledSink(Sink sink, NodeStatistics statistics) {
        this.sink = sink;
        this.statistics = statistics;
    }

    @Override
    public SinkWriter createWriter() {
        SinkWriter writer = sink.createWriter();
        return new SinkWriter() {
            @Override
            public void consume(long sequence, ColumnBatch batch) {
                timed(() -> writer.consume(sequence, batch));
            }

            @Override
            public boolean takesSelections() {
                return writer.takesSelections();
            }

            @Override
            public void consumeSelected(long sequence, ColumnBatch batch, int[] positions, int count) {
                timed(() -> writer.consumeSelected(sequence, batch, positions, count));
            }

            @Override
            public boolean keepsBatches() {
                return writer.keepsBatches();
            }

            @Override
            public void morselFinished(long sequence) {
                writer.morselFinished(sequence);
            }

            @Override
            public void finish() {
                timed(writer::finish);
            }
        };
    }

    /** Runs {@code work}, counting its time as the sink's. */
    private void timed(Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            long end = System.nanoTime();
            statistics.addWork(start, end, end - start);
        }
    }

    @Override
    public void admit(long sequence) {
        sink.admit(sequence);
    }

    @Override
    public boolean needsMoreInput() {
        return sink.needsMoreInput();
    }

    @Override
    public void finish(TaskRunner tasks) {
        long start = System.nanoTime();
        try {
            sink.finish(tasks);
        } finally {
            long end = System.nanoTime();
            statistics.addWork(start, end, end - start);
        }
    }

    @Override
    public void abort(Throwable failure) {
        sink.abort(failure);
    }

    @Override
    public void close() {
        sink.close();
    }
}
