package io.basalt.execution.aggregate;

/**
 * An accumulator whose group can be emptied again, so that the rows a selection leaves out of a batch may be added
 * to a spare group and forgotten ({@link PartialAggregation#addSelected}) instead of being copied out of the batch.
 * Only accumulators that cannot fail on any row of a batch whose arguments are LONG vectors implement it: the rows
 * left out were filtered away, and a WHERE clause may exist precisely to keep their values out of the sums.
 */
interface ResettableAccumulator extends Accumulator {

    /** Makes {@code group} (below the groups made room for) empty, as if no row had been added to it. */
    void resetGroup(int group);
}
