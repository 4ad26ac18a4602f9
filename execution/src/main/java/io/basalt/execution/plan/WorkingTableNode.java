package io.basalt.execution.plan;

import java.util.List;

/**
 * Rows the query does not read from storage but is handed while it runs, by {@code name}: those the previous run of
 * a recursive query's iterative part added ({@link RecursiveUnionNode}), read by the next run, or the rows an
 * {@code INSERT … RETURNING} inserted, which its RETURNING list is evaluated over.
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
