package io.basalt.execution.plan;

import java.util.List;

/**
 * The rows the previous run of a recursive query's iterative part added ({@link RecursiveUnionNode}), read by the
 * next run; {@code name} ties it to its recursive union.
 */
public record WorkingTableNode(String name, List<Column> output, double estimatedRows) implements PhysicalNode {

    public WorkingTableNode {
        output = List.copyOf(output);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }
}
