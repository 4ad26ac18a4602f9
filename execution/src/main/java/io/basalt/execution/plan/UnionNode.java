package io.basalt.execution.plan;

import java.util.List;

/**
 * UNION ALL of inputs with identical column types (the optimizer casts them); UNION DISTINCT is an
 * {@link AggregateNode} over this.
 */
public record UnionNode(List<PhysicalNode> inputs, List<Column> output, double estimatedRows) implements PhysicalNode {

    public UnionNode {
        inputs = List.copyOf(inputs);
        output = List.copyOf(output);
    }
}
