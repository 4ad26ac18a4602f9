package io.basalt.execution.plan;

/** The window functions the executor computes. */
public enum WindowFunctionKind {
    ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG, LEAD, FIRST_VALUE, LAST_VALUE,
    /** An aggregate ({@link AggregateFunction}) over the frame of each row. */
    AGGREGATE
}
