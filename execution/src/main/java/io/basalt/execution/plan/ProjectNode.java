package io.basalt.execution.plan;

import io.basalt.execution.expression.Expression;

import java.util.List;
import java.util.Set;

/**
 * Computes one output column per expression over the input's columns.
 *
 * @param longWhenFits the output columns, DECIMALs wider than a long, that may come as long vectors in batches whose
 *                     values fit one ({@code LongWhenFits}): only when every reader of the column takes both forms
 *                     (SUM and AVG of the aggregation right above)
 */
public record ProjectNode(PhysicalNode input, List<Expression> expressions, List<Column> output, double estimatedRows,
                          Set<Integer> longWhenFits) implements PhysicalNode {

    public ProjectNode {
        expressions = List.copyOf(expressions);
        output = List.copyOf(output);
        longWhenFits = Set.copyOf(longWhenFits);
        if (expressions.size() != output.size()) {
            throw new IllegalArgumentException(expressions.size() + " expressions for " + output.size() + " columns");
        }
        for (int column : longWhenFits) {
            if (column < 0 || column >= output.size()) {
                throw new IllegalArgumentException("no output column " + column + " of " + output.size());
            }
        }
    }

    public ProjectNode(PhysicalNode input, List<Expression> expressions, List<Column> output, double estimatedRows) {
        this(input, expressions, output, estimatedRows, Set.of());
    }

    /** This projection with {@code columns} allowed to come as long vectors (see {@link #longWhenFits}). */
    public ProjectNode withLongWhenFits(Set<Integer> columns) {
        return new ProjectNode(input, expressions, output, estimatedRows, columns);
    }

    @Override
    public List<PhysicalNode> inputs() {
        return List.of(input);
    }
}
