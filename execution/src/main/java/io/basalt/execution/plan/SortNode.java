package io.basalt.execution.plan;

import java.util.List;

/**
 * Orders the input by {@code keys}; with a {@code limit} (≥ 0) it is a top-N that keeps only
 * {@code offset + limit} rows while sorting. {@code limit} -1 means all rows.
 */
public record SortNode(PhysicalNode input, List<SortKey> keys, long offset, long limit, double estimatedRows)
        implements PhysicalNode {

    public SortNode {
        keys = List.copyOf(keys);
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
