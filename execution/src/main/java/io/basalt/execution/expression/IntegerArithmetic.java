package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

/**
 * TINYINT … BIGINT arithmetic. The loops use {@code Math.addExact} and friends, which the JIT turns into an
 * add and a jump on the overflow flag, and rely on the JVM's own division-by-zero trap; when anything
 * trips, a second, careful loop recomputes row by row so that a NULL row's unspecified value never
 * raises an error and a real one gets its SQLSTATE (22003 overflow, 22012 division by zero). Results of
 * types narrower than BIGINT get one range-check pass.
 */
final class IntegerArithmetic {

    private IntegerArithmetic() {
    }

    static CompiledExpression compile(Function function, LogicalType type, Operand left, Operand right) {
        long minimum = NumericTypes.minimum(type);
        long maximum = NumericTypes.maximum(type);
        boolean narrow = NumericTypes.isNarrowInteger(type);
        return input -> {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, a, b, rows);
            long[] x = ((LongVector) a).values();
            long[] y = ((LongVector) b).values();
            try {
                compute(function, x, y, result.values(), rows);
            } catch (ArithmeticException trapped) {
                computeCarefully(function, x, y, result, rows, type);
            }
            if (narrow) {
                checkRange(result, minimum, maximum, type, rows);
            }
            return result;
        };
    }

    private static void compute(Function function, long[] x, long[] y, long[] out, int rows) {
        switch (function) {
            case ADD -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.addExact(x[i], y[i]);
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.subtractExact(x[i], y[i]);
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = Math.multiplyExact(x[i], y[i]);
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < rows; i++) {
                    // Long.MIN_VALUE / -1 wraps silently in Java; negateExact traps it.
                    out[i] = y[i] == -1 ? Math.negateExact(x[i]) : x[i] / y[i];
                }
            }
            case MODULO -> {
                for (int i = 0; i < rows; i++) {
                    out[i] = x[i] % y[i];
                }
            }
            default -> throw new IllegalStateException(function.name());
        }
    }

    private static void computeCarefully(Function function, long[] x, long[] y, LongVector result, int rows, LogicalType type) {
        long[] out = result.values();
        for (int i = 0; i < rows; i++) {
            if (result.isNull(i)) {
                out[i] = 0;
                continue;
            }
            if ((function == Function.DIVIDE || function == Function.MODULO) && y[i] == 0) {
                throw ExpressionErrors.divisionByZero();
            }
            try {
                out[i] = switch (function) {
                    case ADD -> Math.addExact(x[i], y[i]);
                    case SUBTRACT -> Math.subtractExact(x[i], y[i]);
                    case MULTIPLY -> Math.multiplyExact(x[i], y[i]);
                    case DIVIDE -> y[i] == -1 ? Math.negateExact(x[i]) : x[i] / y[i];
                    default -> x[i] % y[i];
                };
            } catch (ArithmeticException overflow) {
                throw ExpressionErrors.overflow(type);
            }
        }
    }

    static CompiledExpression compileUnary(Function function, LogicalType type, Operand operand) {
        long minimum = NumericTypes.minimum(type);
        long maximum = NumericTypes.maximum(type);
        boolean narrow = NumericTypes.isNarrowInteger(type);
        boolean negate = function == Function.NEGATE;
        return input -> {
            ColumnVector a = operand.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, a, rows);
            long[] x = ((LongVector) a).values();
            long[] out = result.values();
            for (int i = 0; i < rows; i++) {
                long value = x[i];
                if (value == Long.MIN_VALUE) {
                    if (!result.isNull(i)) {
                        throw ExpressionErrors.overflow(type);
                    }
                    value = 0;
                }
                out[i] = negate ? -value : Math.abs(value);
            }
            if (narrow) {
                checkRange(result, minimum, maximum, type, rows);
            }
            return result;
        };
    }

    /** Fails with 22003 when a non-null value lies outside [minimum, maximum]. */
    static void checkRange(LongVector result, long minimum, long maximum, LogicalType type, int rows) {
        long[] values = result.values();
        boolean outside = false;
        for (int i = 0; i < rows; i++) {
            outside |= values[i] < minimum | values[i] > maximum;
        }
        if (!outside) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            if ((values[i] < minimum || values[i] > maximum) && !result.isNull(i)) {
                throw ExpressionErrors.overflow(type);
            }
        }
    }
}
