package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * Evaluates expressions that read no column, outside any query, with the very kernels queries use. Binding
 * parameters needs both halves: a value is converted to its parameter's type by evaluating a CAST (so a bound
 * value follows exactly the rules of SQL's CAST), and calls whose arguments became literals are folded, so a bound
 * plan looks to the scan's zone maps as if the values had been written into the query.
 */
public final class ConstantEvaluation {

    private static final ColumnBatch ONE_ROW = new ColumnBatch(1, List.of());

    private ConstantEvaluation() {
    }

    /**
     * The value of {@code expression}, which must read no column.
     *
     * @throws ExecutionException the expression's SQL error (a text that is no number, an overflow, …), or 0A000
     *     when execution has no kernel for it (a CAST it does not implement)
     */
    public static Literal evaluate(Expression expression) {
        ColumnVector vector = ExpressionCompiler.compile(expression).evaluate(ONE_ROW);
        return Literal.at(vector, 0, expression.type());
    }

    /**
     * The call as a literal when all its arguments are literals and evaluating it succeeds; otherwise the call
     * itself, so that an error (say {@code 1 / 0}) surfaces only if a row evaluates it, as for any constant call.
     */
    public static Expression fold(Call call) {
        for (Expression argument : call.arguments()) {
            if (!(argument instanceof Literal)) {
                return call;
            }
        }
        try {
            Operand operand = ExpressionCompiler.compileOperand(call);
            return operand.isConstant() ? operand.constant() : call;
        } catch (ExecutionException notCompilable) {
            return call; // left for execution to report, with the query's context
        }
    }
}
