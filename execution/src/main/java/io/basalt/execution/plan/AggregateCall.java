package io.basalt.execution.plan;

import io.basalt.storage.type.LogicalType;

import java.util.List;

/**
 * One aggregate of an {@link AggregateNode}.
 *
 * @param arguments    input column indexes (none for COUNT_STAR; for GROUPING the group-key columns it asks about)
 * @param distinct     aggregate over distinct argument values only
 * @param filterColumn a BOOLEAN input column; rows where it is not TRUE are skipped ({@code FILTER (WHERE …)});
 *                     -1 for none
 * @param order        the aggregate's own ORDER BY ({@code STRING_AGG(x, ',' ORDER BY y)}, {@code WITHIN GROUP
 *                     (ORDER BY x)}); empty when the order does not matter
 * @param fraction     the constant fraction of PERCENTILE_CONT / PERCENTILE_DISC (checked to lie in [0, 1] when a
 *                     result is computed, as PostgreSQL does); null for other functions and for a NULL fraction
 */
public record AggregateCall(AggregateFunction function, int[] arguments, boolean distinct, int filterColumn,
                            LogicalType type, String name, List<SortKey> order, Double fraction) {

    public AggregateCall {
        arguments = arguments.clone();
        order = List.copyOf(order);
    }

    /** A call without ORDER BY or fraction. */
    public AggregateCall(AggregateFunction function, int[] arguments, boolean distinct, int filterColumn,
                         LogicalType type, String name) {
        this(function, arguments, distinct, filterColumn, type, name, List.of(), null);
    }
}
