package io.basalt.execution.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Window functions of one window specification ({@code OVER (PARTITION BY … ORDER BY …)}): every input row
 * comes out once, followed by one column per function. Rows leave ordered by partition and order keys,
 * partitions in no particular order. Several specifications are several nodes stacked on each other.
 *
 * @param partitionKeys input columns whose equal values (NULLs equal) form a partition
 * @param orderKeys     the order inside a partition; rows equal on these keys are peers
 */
public record WindowNode(PhysicalNode input, int[] partitionKeys, List<SortKey> orderKeys,
                         List<WindowFunction> functions, double estimatedRows) implements PhysicalNode {

    public WindowNode {
        partitionKeys = partitionKeys.clone();
        orderKeys = List.copyOf(orderKeys);
        functions = List.copyOf(functions);
    }

    @Override
    public int[] partitionKeys() {
        return partitionKeys.clone();
    }

    @Override
    public List<Column> output() {
        List<Column> columns = new ArrayList<>(input.output());
        for (WindowFunction function : functions) {
            columns.add(new Column(function.name(), function.type(), true));
        }
        return columns;
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
