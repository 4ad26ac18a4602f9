package io.basalt.execution.plan;

/**
 * Aggregates. NULL inputs are ignored; over no (non-NULL) input COUNT gives 0 and the others NULL. SUM of
 * integers is BIGINT (overflow 22003), of DECIMAL(p,s) DECIMAL(38,s); AVG's type is the call's (DOUBLE, or
 * DECIMAL with the call's scale, rounded half away from zero). BOOL_AND / EVERY and BOOL_OR are MIN and MAX of
 * BOOLEAN.
 */
public enum AggregateFunction {
    /** {@code COUNT(*)}: no arguments, counts rows. */
    COUNT_STAR,
    /** {@code COUNT(a, …)}: rows where every argument is non-NULL. */
    COUNT, SUM, MIN, MAX, AVG,
    /**
     * The value of the group's only row (NULL if it has none, also a NULL value); a second row fails with 21000.
     * Calcite's form of a scalar subquery that is not an aggregate itself: {@code WHERE x = (SELECT y FROM t …)}.
     */
    SINGLE_VALUE,
    /**
     * {@code ANY_VALUE(x)}: some non-NULL value of the group (NULL if it has none), as PostgreSQL 16's any_value. The
     * optimizer groups by a key alone and carries the grouping columns it determines as ANY_VALUE
     * ({@code FunctionallyDependentGroupKeys}): all their values in a group are equal.
     */
    ANY_VALUE,
    /** Variance and standard deviation, of the population or of a sample (NULL below two rows). */
    VAR_POP, VAR_SAMP, STDDEV_POP, STDDEV_SAMP,
    /** {@code STRING_AGG(text, separator)} / {@code LISTAGG}: the non-NULL values joined in the call's order. */
    STRING_AGG,
    /** The interpolated value at the call's fraction of the ordered values (DOUBLE). */
    PERCENTILE_CONT,
    /** The first value whose position in the ordered values reaches the call's fraction. */
    PERCENTILE_DISC,
    /** The most frequent value; among equally frequent ones the smallest (as PostgreSQL's sort-based MODE). */
    MODE,
    /** HyperLogLog estimate of the distinct non-NULL values (the storage footers' sketch). */
    APPROX_COUNT_DISTINCT,
    /**
     * {@code GROUPING(a, …)} under GROUPING SETS: bit {@code n-1-i} is set when argument {@code i} is not grouped in
     * the row's grouping set. Computed from the grouping set, not from rows.
     */
    GROUPING
}
