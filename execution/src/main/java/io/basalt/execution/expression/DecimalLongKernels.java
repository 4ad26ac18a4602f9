package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Exact arithmetic when the {@link DecimalPlan} proves every intermediate value fits a long: one plain
 * loop per operation and operand shape (a constant operand is a scalar, pre-multiplied to the common scale
 * at compile time), no overflow checks in the loop. Rescaling to the result scale and the precision check
 * are separate passes that only run when the plan needs them. This is the path of TPC-H's
 * {@code 1 - l_discount} and of most sums and differences of money columns.
 */
final class DecimalLongKernels {

    private DecimalLongKernels() {
    }

    static CompiledExpression compile(DecimalPlan plan, LogicalType type, Operand left, Operand right) {
        long leftFactor = PowersOfTen.longValue(plan.leftExponent());
        long rightFactor = PowersOfTen.longValue(plan.rightExponent());
        Function function = plan.function();
        if (right.isConstant() && function != Function.DIVIDE && function != Function.MODULO) {
            long constant = ExactOperands.unscaled(right).longValueExact() * rightFactor;
            return input -> {
                ColumnVector a = left.evaluate(input);
                int rows = input.rowCount();
                LongVector result = withConstantRight(function, ((LongVector) a).values(), leftFactor, constant, rows);
                NullMasks.copy(result, a, rows);
                return finish(plan, type, result, rows);
            };
        }
        if (left.isConstant() && (function == Function.ADD || function == Function.SUBTRACT) && plan.adjustUp() == 0
                && plan.adjustDown() == 0 && !plan.needsPrecisionCheck() && type.physicalKind() == PhysicalKind.LONG) {
            long constant = ExactOperands.unscaled(left).longValueExact() * leftFactor;
            return new ConstantAndColumn(constant, function == Function.ADD ? rightFactor : -rightFactor, right);
        }
        if (left.isConstant() && (function == Function.ADD || function == Function.SUBTRACT || function == Function.MULTIPLY)) {
            long constant = ExactOperands.unscaled(left).longValueExact() * leftFactor;
            return input -> {
                ColumnVector b = right.evaluate(input);
                int rows = input.rowCount();
                LongVector result = withConstantLeft(function, constant, ((LongVector) b).values(), rightFactor, rows);
                NullMasks.copy(result, b, rows);
                return finish(plan, type, result, rows);
            };
        }
        return input -> {
            int rows = input.rowCount();
            ColumnVector a = asLongs(left, input);
            ColumnVector b = asLongs(right, input);
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, a, b, rows);
            long[] x = ((LongVector) a).values();
            long[] y = ((LongVector) b).values();
            long[] out = result.values();
            switch (function) {
                case ADD -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] * leftFactor + y[i] * rightFactor;
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] * leftFactor - y[i] * rightFactor;
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                case DIVIDE -> divide(x, leftFactor, y, rightFactor, out, result, rows);
                case MODULO -> remainder(x, leftFactor, y, rightFactor, out, result, rows);
                default -> throw new IllegalStateException(function.name());
            }
            return finish(plan, type, result, rows);
        };
    }

    /** The operand's values as longs; a constant (whose type may be 128-bit) is repeated as a long. */
    private static ColumnVector asLongs(Operand operand, io.basalt.storage.vector.ColumnBatch input) {
        if (operand.isConstant()) {
            return ConstantVectors.longs(ExactOperands.unscaled(operand).longValueExact(), input.rowCount());
        }
        return operand.evaluate(input);
    }

    private static LongVector withConstantRight(Function function, long[] x, long leftFactor, long constant, int rows) {
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        long[] out = result.values();
        switch (function) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = x[i] * leftFactor + constant;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = x[i] * leftFactor - constant;
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = x[i] * constant;
                }
            }
        }
        return result;
    }

    private static LongVector withConstantLeft(Function function, long constant, long[] y, long rightFactor, int rows) {
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        long[] out = result.values();
        switch (function) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = constant + y[i] * rightFactor;
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = constant - y[i] * rightFactor;
                }
            }
            default -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = constant * y[i];
                }
            }
        }
        return result;
    }

    /** round(x·fx / (y·fy)) half away from zero; a zero divisor fails unless its row is NULL. */
    private static void divide(long[] x, long leftFactor, long[] y, long rightFactor, long[] out, LongVector result, int rows) {
        for (int i = 0; i < rows; i++) {
            long numerator = x[i] * leftFactor;
            long denominator = y[i] * rightFactor;
            if (denominator == 0) {
                if (!result.isNull(i)) {
                    throw ExpressionErrors.divisionByZero();
                }
                out[i] = 0;
                continue;
            }
            out[i] = LongMath.divideRoundHalfAway(numerator, denominator);
        }
    }

    private static void remainder(long[] x, long leftFactor, long[] y, long rightFactor, long[] out, LongVector result, int rows) {
        for (int i = 0; i < rows; i++) {
            long denominator = y[i] * rightFactor;
            if (denominator == 0) {
                if (!result.isNull(i)) {
                    throw ExpressionErrors.divisionByZero();
                }
                out[i] = 0;
                continue;
            }
            out[i] = (x[i] * leftFactor) % denominator;
        }
    }

    /** Brings the natural-scale result to the call's scale, checks the precision, and widens if the type is 128-bit. */
    private static ColumnVector finish(DecimalPlan plan, LogicalType type, LongVector result, int rows) {
        long[] out = result.values();
        if (plan.adjustUp() > 0) {
            long factor = PowersOfTen.longValue(plan.adjustUp());
            for (int i = 0; i < rows; i++) {
                out[i] *= factor;
            }
        } else if (plan.adjustDown() > 0) {
            long divisor = PowersOfTen.longValue(plan.adjustDown());
            for (int i = 0; i < rows; i++) {
                out[i] = LongMath.divideRoundHalfAway(out[i], divisor);
            }
        }
        if (plan.needsPrecisionCheck() && plan.precision() < PowersOfTen.MAX_LONG_EXPONENT + 1) {
            LongMath.checkDigits(result, plan.precision(), type, rows);
        }
        if (type.physicalKind() == PhysicalKind.INT128) {
            return widen(result, rows);
        }
        return result;
    }

    static Int128Vector widen(LongVector source, int rows) {
        Int128Vector wide = new Int128Vector(rows);
        long[] values = source.values();
        long[] high = wide.high();
        long[] low = wide.low();
        for (int i = 0; i < rows; i++) {
            low[i] = values[i];
            high[i] = values[i] >> 63;
        }
        wide.setPositionCount(rows);
        NullMasks.copy(wide, source, rows);
        return wide;
    }
}
