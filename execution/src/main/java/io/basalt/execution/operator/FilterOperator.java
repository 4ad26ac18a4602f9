package io.basalt.execution.operator;

import io.basalt.execution.expression.CompiledExpression;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.ExpressionCompiler;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.StreamingOperator;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

/** Keeps the rows for which the condition is TRUE (not FALSE, not NULL). */
public final class FilterOperator implements StreamingOperator {

    private final CompiledExpression condition;

    public FilterOperator(Expression condition) {
        this.condition = ExpressionCompiler.compile(condition);
    }

    @Override
    public void process(ColumnBatch input, BatchConsumer output) {
        int rows = input.rowCount();
        if (rows == 0) {
            return;
        }
        ColumnVector result = condition.evaluate(input);
        int[] positions = new int[rows];
        int kept = Selection.trueRows(result, rows, positions);
        if (kept > 0) {
            output.accept(Selection.apply(input, positions, kept));
        }
    }
}
