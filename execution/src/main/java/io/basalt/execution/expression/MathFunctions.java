package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * ROUND (half to even for doubles without digits, as PostgreSQL), TRUNC, FLOOR and CEIL (exact arguments go to {@link DecimalRounding}), and POWER, SQRT, LN and EXP on
 * DOUBLE with PostgreSQL's errors: a negative square root or a non-integer power of a negative number
 * (2201F), the logarithm of zero or a negative number (2201E), and overflow of finite arguments (22003).
 * Underflow returns 0 rather than failing (as DuckDB; PostgreSQL reports it).
 */
final class MathFunctions {

    private MathFunctions() {
    }

    static CompiledExpression compile(Call call, List<Operand> arguments) {
        Function function = call.function();
        LogicalType type = call.type();
        Operand value = arguments.get(0);
        if (function == Function.ROUND || function == Function.FLOOR || function == Function.CEIL || function == Function.TRUNC) {
            Operand digits = arguments.size() > 1 ? arguments.get(1) : null;
            if (digits != null && !NumericTypes.isInteger(digits.type())) {
                throw ExpressionErrors.notSupported(function + " to " + digits.type() + " digits");
            }
            if (!NumericTypes.isNumeric(value.type()) || !NumericTypes.isNumeric(type)) {
                throw ExpressionErrors.notSupported(function + " of " + value.type() + " as " + type);
            }
            if (NumericTypes.isExact(value.type()) && NumericTypes.isExact(type)) {
                return DecimalRounding.compile(function, type, value, digits);
            }
            Operand doubles = toDouble(value);
            CompiledExpression rounded = rounding(function, doubles, digits, value.type().kind() == TypeKind.REAL);
            return CastCompiler.coerce(Operand.of(doubles.type(), rounded), type).expression();
        }
        boolean numericArguments = arguments.stream().allMatch(argument -> NumericTypes.isNumeric(argument.type()));
        if (!NumericTypes.isFloatingPoint(type) || !numericArguments) {
            throw ExpressionErrors.notSupported(function + " of " + value.type() + " as " + type);
        }
        if (function == Function.POWER) {
            return power(toDouble(value), toDouble(arguments.get(1)), type);
        }
        return unary(function, toDouble(value), type);
    }

    private static Operand toDouble(Operand operand) {
        return NumericTypes.isFloatingPoint(operand.type()) ? operand : CastCompiler.coerce(operand, LogicalType.DOUBLE);
    }

    private static CompiledExpression rounding(Function function, Operand value, Operand digits, boolean real) {
        return input -> {
            ColumnVector vector = value.evaluate(input);
            LongVector places = digits == null ? null : (LongVector) digits.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            if (places == null) {
                NullMasks.copy(result, vector, rows);
            } else {
                NullMasks.union(result, vector, places, rows);
            }
            double[] x = ((DoubleVector) vector).values();
            double[] out = result.values();
            switch (function) {
                case FLOOR -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = Math.floor(x[i]);
                    }
                }
                case CEIL -> {
                    for (int i = 0; i < rows; i++) {
                        out[i] = Math.ceil(x[i]);
                    }
                }
                case TRUNC -> {
                    for (int i = 0; i < rows; i++) {
                        double truncated = places == null ? (x[i] < 0 ? Math.ceil(x[i]) : Math.floor(x[i])) : truncate(x[i], places.get(i));
                        out[i] = real ? (float) truncated : truncated;
                    }
                }
                default -> {
                    for (int i = 0; i < rows; i++) {
                        // PostgreSQL rounds a double without digits half to even (the C library's rint).
                        double rounded = places == null ? Math.rint(x[i]) : round(x[i], places.get(i));
                        out[i] = real ? (float) rounded : rounded;
                    }
                }
            }
            return result;
        };
    }

    /**
     * x rounded half away from zero to {@code digits} decimal places, as the decimal the user sees: 2.675
     * rounds to 2.68 although its binary value is slightly below. Scaling by a power of ten is exact enough
     * unless the scaled value is within a hair of a half, in which case the shortest decimal decides.
     */
    static double round(double x, long digits) {
        if (!Double.isFinite(x) || x == 0 || digits > 330) {
            return x;
        }
        if (digits < -330) {
            return Math.copySign(0.0, x);
        }
        if (digits == 0) {
            return LongMath.roundHalfAway(x);
        }
        if (digits > 0 && Math.abs(x) >= 0x1p52) {
            return x; // a whole number already
        }
        double factor = Math.pow(10, Math.abs(digits));
        double scaled = digits > 0 ? x * factor : x / factor;
        // Below 2^40 the scaled value is within 2^-12 of the exact decimal one, so unless it lies within a
        // hair of a half, rounding it rounds the decimal the same way; the rest takes the exact path.
        double fraction = Math.abs(scaled) - Math.floor(Math.abs(scaled));
        if (!(Math.abs(scaled) < 0x1p40) || Math.abs(fraction - 0.5) < 1e-3 || Double.isInfinite(factor)) {
            return BigDecimal.valueOf(x).setScale((int) digits, RoundingMode.HALF_UP).doubleValue();
        }
        double rounded = LongMath.roundHalfAway(scaled);
        return digits > 0 ? rounded / factor : rounded * factor;
    }

    /** x truncated towards zero to {@code digits} decimal places of its shortest decimal form. */
    static double truncate(double x, long digits) {
        if (!Double.isFinite(x) || x == 0 || digits > 330) {
            return x;
        }
        if (digits < -330) {
            return Math.copySign(0.0, x);
        }
        return BigDecimal.valueOf(x).setScale((int) digits, RoundingMode.DOWN).doubleValue();
    }

    private static CompiledExpression power(Operand base, Operand exponent, LogicalType type) {
        return input -> {
            ColumnVector a = base.evaluate(input);
            ColumnVector b = exponent.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.union(result, a, b, rows);
            double[] x = ((DoubleVector) a).values();
            double[] y = ((DoubleVector) b).values();
            double[] out = result.values();
            for (int i = 0; i < rows; i++) {
                double value = Math.pow(x[i], y[i]);
                if ((Double.isNaN(value) || Double.isInfinite(value)) && !result.isNull(i)) {
                    checkPower(x[i], y[i], value, type);
                }
                out[i] = value;
            }
            narrowIfReal(out, rows, type);
            return result;
        };
    }

    private static void checkPower(double base, double exponent, double value, LogicalType type) {
        if (base == 0 && exponent < 0) {
            throw new ExecutionException(ExpressionErrors.INVALID_ARGUMENT_FOR_POWER, "zero raised to a negative power is undefined");
        }
        if (base < 0 && Double.isFinite(exponent) && exponent != Math.rint(exponent)) {
            throw new ExecutionException(ExpressionErrors.INVALID_ARGUMENT_FOR_POWER,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (Double.isInfinite(value) && Double.isFinite(base) && Double.isFinite(exponent)) {
            throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "value out of range: overflow (" + type + ")");
        }
    }

    private static CompiledExpression unary(Function function, Operand operand, LogicalType type) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] x = ((DoubleVector) vector).values();
            double[] out = result.values();
            switch (function) {
                case SQRT -> {
                    for (int i = 0; i < rows; i++) {
                        if (x[i] < 0 && !result.isNull(i)) {
                            throw new ExecutionException(ExpressionErrors.INVALID_ARGUMENT_FOR_POWER, "cannot take square root of a negative number");
                        }
                        out[i] = Math.sqrt(x[i]);
                    }
                }
                case LN -> {
                    for (int i = 0; i < rows; i++) {
                        if (x[i] <= 0 && !result.isNull(i)) {
                            throw new ExecutionException(ExpressionErrors.INVALID_ARGUMENT_FOR_LOGARITHM, x[i] == 0
                                    ? "cannot take logarithm of zero" : "cannot take logarithm of a negative number");
                        }
                        out[i] = Math.log(x[i]);
                    }
                }
                case EXP -> {
                    for (int i = 0; i < rows; i++) {
                        double value = Math.exp(x[i]);
                        if (Double.isInfinite(value) && Double.isFinite(x[i]) && !result.isNull(i)) {
                            throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "value out of range: overflow (" + type + ")");
                        }
                        out[i] = value;
                    }
                }
                default -> throw ExpressionErrors.notSupported(function + " on " + operand.type());
            }
            narrowIfReal(out, rows, type);
            return result;
        };
    }

    private static void narrowIfReal(double[] out, int rows, LogicalType type) {
        if (type.kind() == TypeKind.REAL) {
            for (int i = 0; i < rows; i++) {
                out[i] = (float) out[i];
            }
        }
    }
}
