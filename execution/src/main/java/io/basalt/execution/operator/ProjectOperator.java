package io.basalt.execution.operator;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/** Computes one output column per expression; a column reference passes its vector through uncopied. */
public final class ProjectOperator implements StreamingOperator {

    private final List<CompiledExpression> expressions;

    public ProjectOperator(List<Expression> expressions) {
        this.expressions = expressions.stream().map(ExpressionCompiler::compile).toList();
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        List<ColumnVector> columns = new ArrayList<>(expressions.size());
        for (CompiledExpression expression : expressions) {
            columns.add(expression.evaluate(input));
        }
        output.accept(new ColumnBatch(input.rowCount(), columns));
    }
}
