package io.basalt.execution.plan;

import io.basalt.storage.type.LogicalType;

/**
 * One aggregate of an {@link AggregateNode}.
 *
 * @param arguments    input column indexes (none for COUNT_STAR)
 * @param distinct     aggregate over distinct argument values only
 * @param filterColumn a BOOLEAN input column; rows where it is not TRUE are skipped ({@code FILTER (WHERE …)});
 *                     -1 for none
 */
public record AggregateCall(AggregateFunction function, int[] arguments, boolean distinct, int filterColumn,
                            LogicalType type, String name) {

    public AggregateCall {
        arguments = arguments.clone();
    }
}
