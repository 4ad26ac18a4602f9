package io.basalt.execution.expression;

import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.function.LongUnaryOperator;

/**
 * A function of one LONG-backed value (BIGINT and narrower integers, DECIMAL up to 18 digits, DATE, TIME,
 * TIMESTAMP) to another, applied over a batch in one loop. NULL rows keep their NULL and are not passed to
 * the function, so a function that checks its argument (and throws) never fails on a NULL row's
 * placeholder value. The LONG twin of {@link ElementaryFunctions#unary}.
 */
final class LongUnaryKernel {

    private LongUnaryKernel() {
    }

    /** {@code function} of each non-NULL value of {@code operand}; NULL stays NULL. */
    static CompiledExpression of(Operand operand, LongUnaryOperator function) {
        return input -> apply(operand.evaluate(input), input.rowCount(), function);
    }

    static LongVector apply(ColumnVector source, int rows, LongUnaryOperator function) {
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        NullMasks.copy(result, source, rows);
        long[] x = ((LongVector) source).values();
        long[] out = result.values();
        boolean[] nulls = result.nulls();
        for (int i = 0; i < rows; i++) {
            out[i] = nulls[i] ? 0 : function.applyAsLong(x[i]);
        }
        return result;
    }
}
