package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * LOG10, LOG(base, x), CBRT, DEGREES, RADIANS and the trigonometric functions on DOUBLE, one loop over the
 * batch's array per call, with PostgreSQL's domain errors: logarithms of zero or negative numbers (2201E), a
 * logarithm to base 1 (22012), ASIN and ACOS outside [-1, 1] (22003). A NULL row's slot is computed too and
 * then masked, so the checks skip NULL rows.
 */
final class ElementaryFunctions {

    private ElementaryFunctions() {
    }

    static CompiledExpression compile(Function function, List<Operand> arguments) {
        return switch (function) {
            case LOG10 -> unary(arguments.get(0), ElementaryFunctions::log10);
            case CBRT -> unary(arguments.get(0), Math::cbrt);
            case DEGREES -> unary(arguments.get(0), Math::toDegrees);
            case RADIANS -> unary(arguments.get(0), Math::toRadians);
            case SIN -> unary(arguments.get(0), Math::sin);
            case COS -> unary(arguments.get(0), Math::cos);
            case TAN -> unary(arguments.get(0), Math::tan);
            case COT -> unary(arguments.get(0), x -> 1.0 / Math.tan(x));
            case ASIN -> unary(arguments.get(0), x -> Math.asin(checkUnitRange(x)));
            case ACOS -> unary(arguments.get(0), x -> Math.acos(checkUnitRange(x)));
            case ATAN -> unary(arguments.get(0), Math::atan);
            case ATAN2 -> RowKernels.doubles(arguments, (vectors, row) ->
                    Math.atan2(RowKernels.doubleValue(vectors[0], row), RowKernels.doubleValue(vectors[1], row)));
            case LOG -> RowKernels.doubles(arguments, (vectors, row) ->
                    logarithm(RowKernels.doubleValue(vectors[0], row), RowKernels.doubleValue(vectors[1], row)));
            default -> throw ExpressionErrors.notSupported("function " + function + " on DOUBLE");
        };
    }

    /** {@code function} of each non-NULL value of a DOUBLE operand; NULL stays NULL. */
    static CompiledExpression unary(Operand operand, DoubleUnaryOperator function) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] x = ((DoubleVector) vector).values();
            double[] out = result.values();
            boolean[] nulls = result.nulls();
            for (int i = 0; i < rows; i++) {
                out[i] = nulls[i] ? 0 : function.applyAsDouble(x[i]);
            }
            return result;
        };
    }

    static double log10(double x) {
        checkLogarithmArgument(x);
        return Math.log10(x);
    }

    /** PostgreSQL's {@code log(b, x)}. */
    static double logarithm(double base, double x) {
        checkLogarithmArgument(base);
        checkLogarithmArgument(x);
        if (base == 1) {
            throw ExpressionErrors.divisionByZero();
        }
        double quotient = Math.log(x) / Math.log(base);
        // The quotient of two rounded logarithms misses exact powers (log(10, 1000) = 2.9999999999999996);
        // PostgreSQL computes it in numeric and gets 3, so an exact power is snapped to its integer exponent.
        double exponent = Math.rint(quotient);
        return Math.abs(quotient - exponent) < 1e-9 && Math.pow(base, exponent) == x ? exponent : quotient;
    }

    private static void checkLogarithmArgument(double x) {
        if (x <= 0) {
            throw new ExecutionException(ExpressionErrors.INVALID_ARGUMENT_FOR_LOGARITHM,
                    x == 0 ? "cannot take logarithm of zero" : "cannot take logarithm of a negative number");
        }
    }

    private static double checkUnitRange(double x) {
        if (x < -1 || x > 1) {
            throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "input is out of range");
        }
        return x;
    }
}
