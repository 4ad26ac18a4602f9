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
    private final boolean cheap;
    private volatile CompiledExpression dense;
    private final int[] usedColumns;

    SubsetEvaluator(Expression expression) {
        this.expression = expression;
        this.whole = ExpressionCompiler.compileOperand(expression);
        this.canFail = !whole.isConstant() && FailureAnalysis.canFail(expression);
        this.cheap = whole.isConstant() || isCheap(expression);
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
     * are selected and the argument costs more than copying them out would.
     */
    boolean prefersSubset(int selected, int rows) {
        if (selected == rows) {
            return false;
        }
        return canFail || (!cheap && selected * 4L < rows);
    }

    /**
     * A column, a constant, or one comparison or simple arithmetic step on those: a loop of about a
     * nanosecond per row, cheaper to run on every row than to copy the selected rows out.
     */
    private static boolean isCheap(Expression expression) {
        if (!(expression instanceof Call call)) {
            return true;
        }
        boolean cheapFunction = switch (call.function()) {
            case EQUAL, NOT_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL, IS_DISTINCT_FROM,
                    IS_NOT_DISTINCT_FROM, IS_NULL, IS_NOT_NULL, IS_TRUE, IS_NOT_TRUE, IS_FALSE, IS_NOT_FALSE, NOT, ADD, SUBTRACT,
                    NEGATE, ABS, IN -> true;
            default -> false;
        };
        return cheapFunction && call.arguments().stream().noneMatch(argument -> argument instanceof Call);
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
