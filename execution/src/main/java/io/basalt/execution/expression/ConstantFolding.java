package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.List;

/**
 * Evaluates calls whose arguments are all constants once, at compile time, so that their results reach
 * kernels as scalars ({@code l_shipdate <= ADD_DAYS(DATE '1998-12-01', -90)} becomes a comparison with one
 * date). A constant call that fails (say {@code 1 / 0}) is not folded: its error must surface only if a row
 * actually evaluates it, which an empty table or an untaken CASE branch never does.
 */
final class ConstantFolding {

    private static final ColumnBatch ONE_ROW = new ColumnBatch(1, List.of());

    private ConstantFolding() {
    }

    /** The operand as a constant, or the kernel unchanged when evaluating it raises an SQL error. */
    static Operand fold(LogicalType type, CompiledExpression kernel) {
        ColumnVector vector;
        try {
            vector = kernel.evaluate(ONE_ROW);
        } catch (ExecutionException deferred) {
            return Operand.of(type, kernel);
        }
        return Operand.of(Literal.at(vector, 0, type));
    }

}
