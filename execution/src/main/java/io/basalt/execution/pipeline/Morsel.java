package io.basalt.execution.pipeline;

/**
 * A unit of parallel work of a pipeline: a row range of a segment, a batch of a materialized intermediate
 * result, or the final output of an operator. One worker thread runs a morsel from start to end and pushes
 * its batches, in order, through the pipeline's operators to its sink.
 */
@FunctionalInterface
public interface Morsel {

    void run(BatchConsumer output);
}
