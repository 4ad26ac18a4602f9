package io.basalt.execution.expression;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

/**
 * One argument of a lazily evaluated function (CASE, COALESCE, AND, OR), ready to run either on the whole
 * batch or on chosen rows only. Running on chosen rows copies just the columns the argument reads, at those
 * rows, into a dense batch; that is what keeps {@code CASE WHEN x <> 0 THEN 1 / x END} from ever dividing
 * by zero. Arguments that cannot raise an error are run on the whole batch instead, which is cheaper than
 * copying, and their values for other rows are ignored.
 */
final class SubsetEvaluator {

    private final Operand whole;
    private final Expression expression;
    private final boolean canFail;
    private final boolean trivial;
    private volatile CompiledExpression dense;
    private final int[] usedColumns;

    SubsetEvaluator(Expression expression) {
        this.expression = expression;
        this.whole = ExpressionCompiler.compileOperand(expression);
        this.canFail = !whole.isConstant() && FailureAnalysis.canFail(expression);
        this.trivial = whole.isConstant() || expression instanceof ColumnReference;
        this.usedColumns = ExpressionColumns.used(expression);
    }

    Operand operand() {
        return whole;
    }

    /** Evaluating on rows that do not need the value might raise an error they must not see. */
    boolean canFail() {
        return canFail;
    }

    /**
     * Whether to run on the selected rows only: always when the argument can fail, and also when few rows
     * are selected and the argument does real work.
     */
    boolean prefersSubset(int selected, int rows) {
        if (selected == rows) {
            return false;
        }
        return canFail || (!trivial && selected * 4L < rows);
    }

    ColumnVector evaluateAll(ColumnBatch input) {
        return whole.evaluate(input);
    }

    /** The values at {@code positions[0..count)} of the input, in that order. */
    ColumnVector evaluate(ColumnBatch input, int[] positions, int count) {
        if (whole.isConstant()) {
            return ConstantVectors.of(whole.constant(), count);
        }
        CompiledExpression compiled = denseExpression();
        ColumnVector[] columns = new ColumnVector[usedColumns.length];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = VectorCopier.select(input.column(usedColumns[k]), positions, count);
        }
        return compiled.evaluate(new ColumnBatch(count, java.util.List.of(columns)));
    }

    /**
     * Compiled on first use only: nested CASEs would otherwise compile their inner branches once per
     * nesting level and form. Compiling is deterministic, so a race merely compiles twice.
     */
    private CompiledExpression denseExpression() {
        CompiledExpression compiled = dense;
        if (compiled == null) {
            compiled = ExpressionCompiler.compile(ExpressionColumns.remap(expression, usedColumns));
            dense = compiled;
        }
        return compiled;
    }
}
