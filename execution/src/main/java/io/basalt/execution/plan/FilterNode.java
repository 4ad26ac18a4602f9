package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;

/** Keeps the input rows for which {@code condition} (BOOLEAN) is TRUE (not FALSE, not NULL). */
public record FilterNode(PhysicalNode input, Expression condition, double estimatedRows) implements PhysicalNode {

    @Override
    public List<Column> output() {
        return input.output();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
