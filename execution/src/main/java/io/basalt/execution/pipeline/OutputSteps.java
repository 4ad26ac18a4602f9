package io.basalt.execution.pipeline;

/**
 * Output produced a bounded piece at a time (see {@link SteppedMorsels}): an operator's final rows after it spilled,
 * the groups of a spilled aggregation's partitions.
 */
@FunctionalInterface
public interface OutputSteps {

    /**
     * Emits the next piece of the output and says whether more may follow; called one call at a time, each in a
     * morsel of its own. A call after the output ended emits nothing and returns false.
     */
    boolean step(BatchConsumer output);
}
