package io.basalt.execution.plan;

/**
 * Aggregates. NULL inputs are ignored; over no (non-NULL) input COUNT gives 0 and the others NULL. SUM of
 * integers is BIGINT (overflow 22003), of DECIMAL(p,s) DECIMAL(38,s); AVG's type is the call's (DOUBLE, or
 * DECIMAL with the call's scale, rounded half away from zero).
 */
public enum AggregateFunction {
    /** {@code COUNT(*)}: no arguments, counts rows. */
    COUNT_STAR,
    COUNT, SUM, MIN, MAX, AVG
}
