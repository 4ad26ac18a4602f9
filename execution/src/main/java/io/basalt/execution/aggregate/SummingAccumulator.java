package io.basalt.execution.aggregate;

import io.basalt.storage.vector.ColumnVector;

/**
 * An accumulator whose {@link Accumulator#addEveryRow} of a NULL-free argument is a sum into {@link ExactSums} plus
 * work that does not read the values (row counts, seen flags). The aggregation then adds the sums of several such
 * calls together, two per pass over the batch ({@link ExactSums#addEveryRow(BatchGroups, ExactSums[], ColumnVector[],
 * int)}), and asks each call only for the rest ({@link #addEveryRowButSums}).
 */
interface SummingAccumulator extends Accumulator {

    /** The sums a NULL-free argument is added to, or null when another call adds the same values to them. */
    ExactSums sumsAdded();

    /** {@link #addEveryRow} of a NULL-free argument, less adding it to {@link #sumsAdded()}. */
    void addEveryRowButSums(BatchGroups groups);
}
