package io.basalt.execution.plan;

import java.util.List;

/**
 * A subplan the query uses in more than one place (TPC-H Q15's {@code revenue} view, read by the join and by the
 * subquery taking its maximum), computed once and handed to each use. The same node (equal {@code id}) stands at
 * every place; {@code uses} says how many there are. The executor runs {@code input} in a pipeline of its own, before
 * any pipeline reading it, keeps its rows in memory (counted against the query's budget, 53200 past it: shared
 * results do not spill) and serves them to every use in the order they were produced.
 */
public record SharedResultNode(int id, PhysicalNode input, int uses, double estimatedRows) implements PhysicalNode {

    public SharedResultNode {
        if (uses < 2) {
            throw new IllegalArgumentException("a shared result has at least two uses: " + uses);
        }
    }

    @Override
    public List<Column> output() {
        return input.output();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
