package io.basalt.execution.pipeline;

/**
 * Unwinds a worker out of a morsel when its pipeline no longer wants rows: the query was closed early, a
 * LIMIT has all its rows, or another worker failed. Not an error; it carries no stack trace.
 */
public final class PipelineStoppedException extends RuntimeException {

    public PipelineStoppedException() {
        super("pipeline stopped", null, false, false);
    }
}
