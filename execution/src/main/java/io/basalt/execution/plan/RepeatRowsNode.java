package io.basalt.execution.plan;

import java.util.List;

/**
 * Emits each input row as many times as its {@code countColumn} (BIGINT) says, without that column: a count of zero,
 * below zero or NULL drops the row. INTERSECT ALL and EXCEPT ALL end in this node: the optimizer counts each
 * distinct row per input with an aggregate and computes how many copies the result keeps.
 */
public record RepeatRowsNode(PhysicalNode input, int countColumn, List<Column> output, double estimatedRows)
        implements PhysicalNode {

    public RepeatRowsNode {
        output = List.copyOf(output);
        if (countColumn < 0 || countColumn >= input.output().size() || output.size() != input.output().size() - 1) {
            throw new IllegalArgumentException("the count column must be one of the input's, and the only one dropped");
        }
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
