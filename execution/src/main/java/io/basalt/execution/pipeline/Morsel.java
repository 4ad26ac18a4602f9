package io.basalt.execution.pipeline;

/**
 * A unit of parallel work of a pipeline: a row range of a segment, a batch of a materialized intermediate
 * result, or the final output of an operator. One worker thread runs a morsel from start to end and pushes
 * its batches, in order, through the pipeline's operators to its sink.
 *
 * <p>Every morsel handed out is either run or {@linkplain #discard() discarded} (when the pipeline stops
 * before it could run), so that sources can count their morsels down: a join's final morsel waits for the
 * others, a scan closes a segment file after its last morsel.
 */
@FunctionalInterface
public interface Morsel {

    void run(BatchConsumer output);

    /** The morsel will not run. */
    default void discard() {
    }
}
