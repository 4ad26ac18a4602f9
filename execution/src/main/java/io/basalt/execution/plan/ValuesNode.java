package io.basalt.execution.plan;

import java.util.List;

/** Constant rows; each value follows {@code Literal}'s representation for its column's type. */
public record ValuesNode(List<Column> output, List<List<Object>> rows) implements PhysicalNode {

    public ValuesNode {
        output = List.copyOf(output);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of();
    }

    @Override
    public double estimatedRows() {
        return rows.size();
    }
}
