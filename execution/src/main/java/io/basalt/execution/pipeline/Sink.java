package io.basalt.execution.pipeline;

/**
 * The end of a pipeline: a hash-join build, an aggregation, a sort, or the collection of result rows.
 * Each worker thread writes through its own {@link SinkWriter} (per-thread hash tables, pre-aggregation,
 * sort runs); when every writer has finished, {@link #finish} merges them once.
 */
public interface Sink extends AutoCloseable {

    SinkWriter createWriter();

    /**
     * Blocks until the morsel numbered {@code sequence} may run. Sinks that keep the input's order bound how
     * far ahead of the consumer the workers may get; the others admit everything.
     */
    default void admit(long sequence) {
    }

    /** False once the sink has all the rows it wants (a LIMIT), so no more morsels are handed out. */
    default boolean needsMoreInput() {
        return true;
    }

    /** Called once, after every writer finished, on one thread; may run parallel work through {@code tasks}. */
    void finish(TaskRunner tasks);

    /** The pipeline failed ({@code failure} non-null) or was stopped: wake anyone waiting on the sink. */
    default void abort(Throwable failure) {
    }

    /** Releases every byte the sink holds; idempotent. */
    @Override
    void close();
}
