package io.basalt.execution.plan;

import java.util.List;

/** Skips {@code offset} rows, then passes at most {@code limit} (-1: all) of the input, in input order. */
public record LimitNode(PhysicalNode input, long offset, long limit, double estimatedRows) implements PhysicalNode {

    @Override
    public List<Column> output() {
        return input.output();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
