package io.basalt.execution.plan;

/**
 * Aggregates. NULL inputs are ignored; over no (non-NULL) input COUNT gives 0 and the others NULL. SUM of
 * integers is BIGINT (overflow 22003), of DECIMAL(p,s) DECIMAL(38,s); AVG's type is the call's (DOUBLE, or
 * DECIMAL with the call's scale, rounded half away from zero).
 */
public enum AggregateFunction {
    /** {@code COUNT(*)}: no arguments, counts rows. */
    COUNT_STAR,
    COUNT, SUM, MIN, MAX, AVG,
    /**
     * The value of the group's only row (NULL if it has none, also a NULL value); a second row fails with 21000.
     * Calcite's form of a scalar subquery that is not an aggregate itself: {@code WHERE x = (SELECT y FROM t …)}.
     */
    SINGLE_VALUE
}
