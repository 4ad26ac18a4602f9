package io.basalt.execution.pipeline;

/**
 * Hands out the morsels of a pipeline. Sources nest: an operator wraps its input's source so that each
 * morsel runs the streaming operators too, and a union concatenates sources.
 *
 * <p>{@link #next()} is called by one thread at a time (the pipeline driver holds a lock), in the order
 * the morsels are numbered, so it must be cheap: reading and computing belong in {@link Morsel#run}, which
 * runs on many threads at once.
 */
public interface MorselSource extends AutoCloseable {

    /** The next morsel, or {@code null} when there is none left. */
    Morsel next();

    /** Frees what the source holds (open files, hash tables it probes, materialized inputs). Idempotent. */
    @Override
    default void close() {
    }
}
