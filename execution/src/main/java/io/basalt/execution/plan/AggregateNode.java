package io.basalt.execution.plan;

import java.util.List;

/**
 * Groups the input by {@code groupKeys} (input column indexes; NULLs form one group) and computes the
 * aggregates per group. Output: the group keys, then one column per aggregate. With no group keys the
 * output is exactly one row, also for empty input.
 */
public record AggregateNode(PhysicalNode input, int[] groupKeys, List<AggregateCall> aggregates, List<Column> output,
                            double estimatedRows) implements PhysicalNode {

    public AggregateNode {
        groupKeys = groupKeys.clone();
        aggregates = List.copyOf(aggregates);
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
