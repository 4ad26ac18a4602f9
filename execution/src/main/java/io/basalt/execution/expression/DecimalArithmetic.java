package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Exact DECIMAL arithmetic (integer operands count as scale 0). Operands keep their own scales; the
 * {@link DecimalPlan} brings them to a common scale and the result to the call's, rounding half away from
 * zero. When the plan proves every intermediate fits a long, {@link DecimalLongKernels} run plain long loops;
 * otherwise {@link DecimalWideKernel} runs on 128 bits.
 */
final class DecimalArithmetic {

    private DecimalArithmetic() {
    }

    static CompiledExpression compile(Function function, LogicalType type, Operand left, Operand right) {
        DecimalPlan plan = plan(function, type, left, right);
        boolean longOperands = (left.isConstant() || ExactOperands.isLongKind(left))
                && (right.isConstant() || ExactOperands.isLongKind(right));
        if (plan.fitsLong() && longOperands) {
            return DecimalLongKernels.compile(plan, type, left, right);
        }
        return DecimalWideKernel.compile(plan, type, left, right);
    }

    /**
     * A MULTIPLY into {@code type} (a DECIMAL wider than a long) that returns long vectors where the products fit
     * ({@link DecimalWideKernel#compileLongWhenFits}), or null when its plan is not a product at the operands' natural
     * scale (or fits a long anyway): the caller then compiles it as usual.
     */
    static CompiledExpression compileLongWhenFits(LogicalType type, Operand left, Operand right) {
        DecimalPlan plan = plan(Function.MULTIPLY, type, left, right);
        boolean longOperands = ExactOperands.isLongKind(left) && ExactOperands.isLongKind(right);
        if ((plan.fitsLong() && longOperands) || plan.adjustUp() != 0 || plan.adjustDown() != 0) {
            return null;
        }
        return DecimalWideKernel.compileLongWhenFits(plan, type, left, right);
    }

    static DecimalPlan plan(Function function, LogicalType type, Operand left, Operand right) {
        return DecimalPlan.of(function, NumericTypes.scale(left.type()), ExactOperands.digits(left),
                NumericTypes.scale(right.type()), ExactOperands.digits(right), type.scale(), type.precision());
    }

    /** NEGATE and ABS of a value already of the call's type: never out of range, since |−v| = |v|. */
    static CompiledExpression compileUnary(Function function, LogicalType type, Operand operand) {
        boolean negate = function == Function.NEGATE;
        if (type.physicalKind() == PhysicalKind.LONG) {
            return input -> {
                ColumnVector a = operand.evaluate(input);
                int rows = input.rowCount();
                LongVector result = new LongVector(rows);
                result.setPositionCount(rows);
                NullMasks.copy(result, a, rows);
                long[] x = ((LongVector) a).values();
                long[] out = result.values();
                if (negate) {
                    for (int i = 0; i < rows; i++) {
                        out[i] = -x[i];
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        out[i] = Math.abs(x[i]);
                    }
                }
                return result;
            };
        }
        return input -> {
            Int128Vector a = (Int128Vector) operand.evaluate(input);
            int rows = input.rowCount();
            Int128Vector result = new Int128Vector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, a, rows);
            long[] high = a.high();
            long[] low = a.low();
            long[] outHigh = result.high();
            long[] outLow = result.low();
            for (int i = 0; i < rows; i++) {
                if (negate || high[i] < 0) {
                    Int128Math.negate(high[i], low[i], outHigh, outLow, i);
                } else {
                    outHigh[i] = high[i];
                    outLow[i] = low[i];
                }
            }
            return result;
        };
    }
}
