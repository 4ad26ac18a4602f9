package io.basalt.optimizer.statistics;

/**
 * What the planner knows about one column of a table, merged from the footers of its segments.
 *
 * @param rows     live rows of the table (rows of segments less deleted rows)
 * @param nulls    estimated NULLs among them (footer counts scaled by the live share when rows were deleted)
 * @param distinct estimated distinct non-null values (merged HyperLogLog sketches, at most the non-null rows)
 * @param low      the smallest value as a position on a number line ({@link ValuePositions}), NaN if unknown
 * @param high     the largest value likewise; {@code low <= high} when both are known
 */
public record ColumnStatistics(double rows, double nulls, double distinct, double low, double high) {

    /** The share of rows that are NULL. */
    public double nullFraction() {
        return rows <= 0 ? 0 : Math.min(1.0, nulls / rows);
    }

    /** Whether {@link #low} and {@link #high} bound the values. */
    public boolean hasRange() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
