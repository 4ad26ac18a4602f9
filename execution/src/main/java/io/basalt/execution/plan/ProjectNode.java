package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;

/** Computes one output column per expression over the input's columns. */
public record ProjectNode(PhysicalNode input, List<Expression> expressions, List<Column> output, double estimatedRows)
        implements PhysicalNode {

    public ProjectNode {
        expressions = List.copyOf(expressions);
        output = List.copyOf(output);
        if (expressions.size() != output.size()) {
            throw new IllegalArgumentException(expressions.size() + " expressions for " + output.size() + " columns");
        }
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
