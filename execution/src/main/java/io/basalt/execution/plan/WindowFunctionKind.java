package io.basalt.execution.plan;

/** The window functions the executor computes. */
public enum WindowFunctionKind {
    ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
    /** (rank - 1) / (partition rows - 1), 0 for a partition of one row; DOUBLE. */
    PERCENT_RANK,
    /** Rows up to the current row's last peer / partition rows; DOUBLE. */
    CUME_DIST,
    /** The value at the {@code constant}-th row (from 1) of the frame, NULL when the frame is shorter. */
    NTH_VALUE,
    /** An aggregate ({@link AggregateFunction}) over the frame of each row. */
    AGGREGATE
}
