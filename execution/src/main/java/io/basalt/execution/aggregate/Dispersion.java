package io.basalt.execution.aggregate;

import io.basalt.execution.plan.AggregateFunction;

/**
 * What a variance accumulator reports: the population's or a sample's variance, or its square root. A sample needs
 * two values (PostgreSQL gives NULL for one), the population one.
 */
enum Dispersion {
    VAR_POP(false, false), VAR_SAMP(true, false), STDDEV_POP(false, true), STDDEV_SAMP(true, true);

    final boolean sample;
    final boolean squareRoot;

    Dispersion(boolean sample, boolean squareRoot) {
        this.sample = sample;
        this.squareRoot = squareRoot;
    }

    static Dispersion of(AggregateFunction function) {
        return valueOf(function.name());
    }

    /** Values a group needs for a non-NULL result. */
    long minimumCount() {
        return sample ? 2 : 1;
    }

    /** The divisor of the sum of squared deviations. */
    long divisor(long count) {
        return sample ? count - 1 : count;
    }
}
