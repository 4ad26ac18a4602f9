package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * CAST from REAL and DOUBLE to integers, DECIMAL and the other floating-point type. NaN and infinities
 * have no exact value (22003). To integers the value rounds half away from zero. To DECIMAL the value is
 * the shortest decimal that reads back as the double (what the user typed: 2.675 becomes 2.68 at scale 2,
 * not the 2.67 its binary approximation would give), rounded half away from zero.
 */
final class FloatingPointCasts {

    /** Below 2^40 a double's ulp is at most 2^-12, far from the 0.5 that rounding cares about. */
    private static final double EXACT_SCALED_LIMIT = 0x1p40;

    private FloatingPointCasts() {
    }

    static CompiledExpression toInteger(Operand operand, LogicalType target) {
        double minimum = NumericTypes.minimum(target);
        // Long.MAX_VALUE is not a double; 2^63 is, and is the first value beyond BIGINT.
        double exclusiveMaximum = target.kind() == TypeKind.BIGINT ? 0x1p63 : NumericTypes.maximum(target) + 1.0;
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            LongVector result = new LongVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] x = ((DoubleVector) vector).values();
            long[] out = result.values();
            for (int i = 0; i < rows; i++) {
                double rounded = LongMath.roundHalfAway(x[i]);
                // NaN fails both comparisons.
                if (!(rounded >= minimum && rounded < exclusiveMaximum)) {
                    if (!result.isNull(i)) {
                        throw ExpressionErrors.overflow(target);
                    }
                    rounded = 0;
                }
                out[i] = (long) rounded;
            }
            return result;
        };
    }

    static CompiledExpression toDecimal(Operand operand, LogicalType target) {
        int scale = target.scale();
        int precision = target.precision();
        double factor = Math.pow(10, scale);
        boolean wide = target.physicalKind() == PhysicalKind.INT128;
        BigInteger limit = PowersOfTen.big(precision);
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            ColumnVector result = ColumnVector.create(target.physicalKind(), rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] x = ((DoubleVector) vector).values();
            long[] high = wide ? ((Int128Vector) result).high() : null;
            long[] low = wide ? ((Int128Vector) result).low() : ((LongVector) result).values();
            for (int i = 0; i < rows; i++) {
                if (result.isNull(i)) {
                    continue;
                }
                double value = x[i];
                if (!Double.isFinite(value)) {
                    throw ExpressionErrors.numericOverflow(target);
                }
                double scaled = value * factor;
                if (Math.abs(scaled) < EXACT_SCALED_LIMIT && scaled == Math.rint(scaled)) {
                    // The common case: an exact whole number of units.
                    long units = (long) scaled;
                    if (precision <= PowersOfTen.MAX_LONG_EXPONENT && Math.abs(units) >= PowersOfTen.longValue(precision)) {
                        throw ExpressionErrors.numericOverflow(target);
                    }
                    low[i] = units;
                    if (wide) {
                        high[i] = units >> 63;
                    }
                } else {
                    BigInteger unscaled = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).unscaledValue();
                    if (unscaled.abs().compareTo(limit) >= 0) {
                        throw ExpressionErrors.numericOverflow(target);
                    }
                    low[i] = unscaled.longValue();
                    if (wide) {
                        high[i] = unscaled.shiftRight(64).longValue();
                    }
                }
            }
            return result;
        };
    }

    /** DOUBLE to REAL rounds to float; a finite value beyond float's range is out of range (22003). */
    static CompiledExpression toReal(Operand operand, LogicalType target) {
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] x = ((DoubleVector) vector).values();
            double[] out = result.values();
            for (int i = 0; i < rows; i++) {
                float narrowed = (float) x[i];
                if (Float.isInfinite(narrowed) && Double.isFinite(x[i]) && !result.isNull(i)) {
                    throw ExpressionErrors.overflow(target);
                }
                out[i] = narrowed;
            }
            return result;
        };
    }
}
