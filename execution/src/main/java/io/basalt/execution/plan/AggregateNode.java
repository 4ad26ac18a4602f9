package io.basalt.execution.plan;

import java.util.List;

/**
 * Groups the input by {@code groupKeys} (input column indexes; NULLs form one group) and computes the
 * aggregates per group. Output: the group keys, then one column per aggregate. With no group keys the
 * output is exactly one row, also for empty input.
 *
 * <p>With {@code groupingSets} (GROUPING SETS, ROLLUP, CUBE) every input row is aggregated once per set: each set
 * lists the group keys it groups by, the others are NULL in its rows. Sets may repeat (each gives its own rows). An
 * empty list means one set of all keys.
 */
public record AggregateNode(PhysicalNode input, int[] groupKeys, List<AggregateCall> aggregates, List<Column> output,
                            double estimatedRows, List<int[]> groupingSets) implements PhysicalNode {

    public AggregateNode {
        groupKeys = groupKeys.clone();
        aggregates = List.copyOf(aggregates);
        output = List.copyOf(output);
        groupingSets = groupingSets.stream().map(int[]::clone).toList();
    }

    /** A plain GROUP BY. */
    public AggregateNode(PhysicalNode input, int[] groupKeys, List<AggregateCall> aggregates, List<Column> output,
                         double estimatedRows) {
        this(input, groupKeys, aggregates, output, estimatedRows, List.of());
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
