package io.basalt.execution.expression;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

/**
 * {@code constant ± column} of short DECIMALs (or integers) in long arithmetic, nothing rescaled or checked after it:
 * value {@code constant + step × v} for each value {@code v} of {@code column} (step {@code ±10^k} brings the column to
 * the common scale), NULL where the column is. TPC-H Q1's {@code 1 - l_discount} and {@code 1 + l_tax}.
 *
 * <p>Evaluated alone it gives a LONG vector like any expression; a product whose factor it is
 * ({@link DecimalWideKernel}) instead reads {@link #column()} and computes the factor row by row inside its own loop,
 * so no vector of the factor is allocated, written and read again (two 65,536-row vectors per Q1 batch).
 */
final class ConstantAndColumn implements CompiledExpression {

    private final long constant;
    private final long step;
    private final Operand column;

    ConstantAndColumn(long constant, long step, Operand column) {
        this.constant = constant;
        this.step = step;
        this.column = column;
    }

    /** The operand's expression when it is one, else null. */
    static ConstantAndColumn of(Operand operand) {
        return operand.isConstant() ? null
                : operand.expression() instanceof ConstantAndColumn affine ? affine : null;
    }

    long constant() {
        return constant;
    }

    long step() {
        return step;
    }

    Operand column() {
        return column;
    }

    @Override
    public ColumnVector evaluate(ColumnBatch input) {
        ColumnVector source = column.evaluate(input);
        int rows = input.rowCount();
        long[] values = ((LongVector) source).values();
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        long[] out = result.values();
        for (int i = 0; i < rows; i++) {
            out[i] = constant + step * values[i];
        }
        NullMasks.copy(result, source, rows);
        return result;
    }
}
