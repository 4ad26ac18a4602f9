package io.basalt.execution.plan;

import io.basalt.storage.type.LogicalType;

import java.util.Objects;

/**
 * One window function of a {@link WindowNode}.
 *
 * @param kind      what it computes
 * @param aggregate for {@link WindowFunctionKind#AGGREGATE}: COUNT_STAR, COUNT, SUM, MIN, MAX or AVG over the
 *                  frame; null otherwise
 * @param arguments input columns: the value of LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE and of aggregates; LAG and
 *                  LEAD may have a second one, the default value where the offset leaves the partition
 * @param constant  LAG/LEAD: the offset (≥ 0); NTILE: the number of buckets (≥ 1); NTH_VALUE: the row (≥ 1); unused
 *                  otherwise
 * @param frame     the rows an aggregate, FIRST_VALUE, LAST_VALUE or NTH_VALUE sees; ranking functions, LAG and LEAD
 *                  ignore it
 */
public record WindowFunction(WindowFunctionKind kind, AggregateFunction aggregate, int[] arguments, long constant,
                             WindowFrame frame, LogicalType type, String name) {

    public WindowFunction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(frame, "frame");
        arguments = arguments.clone();
        if ((kind == WindowFunctionKind.AGGREGATE) != (aggregate != null)) {
            throw new IllegalArgumentException("an aggregate is given exactly for AGGREGATE: " + kind);
        }
    }

    @Override
    public int[] arguments() {
        return arguments.clone();
    }
}
