package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;

/**
 * REAL and DOUBLE arithmetic with IEEE semantics plus PostgreSQL's two errors: division by zero (22012,
 * also for 0/0 and NaN/0) and overflow of finite operands to infinity (22003). REAL results are rounded to
 * float; computing in double first and rounding once is exact for +, −, ×, ÷ (double has more than twice
 * float's precision). A constant right operand is a scalar; the checks are separate passes that cost one
 * compare per row and do nothing unless they find something.
 */
final class DoubleArithmetic {

    private DoubleArithmetic() {
    }

    static CompiledExpression compile(Function function, LogicalType type, Operand left, Operand right) {
        boolean real = type.kind() == TypeKind.REAL;
        if (right.isConstant() && !right.isNullConstant()) {
            double constant = (Double) right.value();
            if (constant == 0 && (function == Function.DIVIDE || function == Function.MODULO)) {
                return input -> failOnAnyNonNull(left.evaluate(input), input.rowCount());
            }
            return input -> {
                ColumnVector a = left.evaluate(input);
                int rows = input.rowCount();
                DoubleVector result = new DoubleVector(rows);
                result.setPositionCount(rows);
                NullMasks.copy(result, a, rows);
                double[] x = ((DoubleVector) a).values();
                double[] out = result.values();
                switch (function) {
                    case ADD -> {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] + constant;
                        }
                    }
                    case SUBTRACT -> {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] - constant;
                        }
                    }
                    case MULTIPLY -> {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] * constant;
                        }
                    }
                    case DIVIDE -> {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] / constant;
                        }
                    }
                    default -> {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] % constant;
                        }
                    }
                }
                finish(result, real, x, null, constant, type, rows);
                return result;
            };
        }
        return input -> {
            ColumnVector a = left.evaluate(input);
            ColumnVector b = right.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, a, b, rows);
            double[] x = ((DoubleVector) a).values();
            double[] y = ((DoubleVector) b).values();
            double[] out = result.values();
            switch (function) {
                case ADD -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] + y[i];
                    }
                }
                case SUBTRACT -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] - y[i];
                    }
                }
                case MULTIPLY -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = x[i] * y[i];
                    }
                }
                case DIVIDE, MODULO -> {
                    checkDivisors(result, y, rows);
                    if (function == Function.DIVIDE) {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] / y[i];
                        }
                    } else {
                        for (int i = 0; i < rows; i++) {
                            out[i] = x[i] % y[i];
                        }
                    }
                }
                default -> throw new IllegalStateException(function.name());
            }
            finish(result, real, x, y, 0, type, rows);
            return result;
        };
    }

    static CompiledExpression compileUnary(Function function, Operand operand) {
        boolean negate = function == Function.NEGATE;
        return input -> {
            ColumnVector a = operand.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, a, rows);
            double[] x = ((DoubleVector) a).values();
            double[] out = result.values();
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

    private static void checkDivisors(DoubleVector result, double[] divisors, int rows) {
        boolean zero = false;
        for (int i = 0; i < rows; i++) {
            zero |= divisors[i] == 0;
        }
        if (zero) {
            for (int i = 0; i < rows; i++) {
                if (divisors[i] == 0 && !result.isNull(i)) {
                    throw ExpressionErrors.divisionByZero();
                }
            }
        }
    }

    private static ColumnVector failOnAnyNonNull(ColumnVector dividends, int rows) {
        for (int i = 0; i < rows; i++) {
            if (!dividends.isNull(i)) {
                throw ExpressionErrors.divisionByZero();
            }
        }
        return ConstantVectors.allNull(io.basalt.storage.type.PhysicalKind.DOUBLE, rows);
    }

    /** Rounds REAL results to float, then fails if a finite computation overflowed to infinity. */
    private static void finish(DoubleVector result, boolean real, double[] x, double[] y, double constant, LogicalType type, int rows) {
        double[] out = result.values();
        if (real) {
            for (int i = 0; i < rows; i++) {
                out[i] = (float) out[i];
            }
        }
        boolean infinite = false;
        for (int i = 0; i < rows; i++) {
            infinite |= Double.isInfinite(out[i]);
        }
        if (!infinite) {
            return;
        }
        for (int i = 0; i < rows; i++) {
            double other = y == null ? constant : y[i];
            if (Double.isInfinite(out[i]) && Double.isFinite(x[i]) && Double.isFinite(other) && !result.isNull(i)) {
                throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "value out of range: overflow (" + type + ")");
            }
        }
    }
}
