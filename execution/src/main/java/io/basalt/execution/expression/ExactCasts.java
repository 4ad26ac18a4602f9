package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;

/**
 * CAST from integers and DECIMAL to integers, DECIMAL, REAL and DOUBLE. Rescaling multiplies or divides by
 * a power of ten (rounding half away from zero, as PostgreSQL's numeric does, also when a DECIMAL becomes an
 * integer); range and precision checks run only when the source's bound does not already guarantee them.
 */
final class ExactCasts {

    private ExactCasts() {
    }

    static CompiledExpression toExact(Operand operand, LogicalType target) {
        LogicalType source = operand.type();
        int sourceScale = NumericTypes.scale(source);
        int sourceDigits = NumericTypes.digits(source);
        int targetScale = NumericTypes.scale(target);
        int up = Math.max(targetScale - sourceScale, 0);
        int down = Math.max(sourceScale - targetScale, 0);
        int resultDigits = up > 0 ? sourceDigits + up : down > 0 ? Math.max(sourceDigits - down + 1, 1) : sourceDigits;
        boolean sourceIsLong = source.physicalKind() == PhysicalKind.LONG;
        boolean targetIsLong = target.physicalKind() == PhysicalKind.LONG;
        if (NumericTypes.isInteger(target)) {
            boolean check = !NumericTypes.isInteger(source) || NumericTypes.minimum(target) > NumericTypes.minimum(source)
                    || NumericTypes.maximum(target) < NumericTypes.maximum(source);
            if (sourceIsLong && down <= PowersOfTen.MAX_LONG_EXPONENT) {
                return input -> longToLong(operand.evaluate(input), 1, down, input.rowCount(), target, check, 0);
            }
            return input -> viaInt128(operand.evaluate(input), up, down, input.rowCount(), target, true);
        }
        int precision = target.precision();
        boolean check = resultDigits > precision;
        if (sourceIsLong && targetIsLong && resultDigits <= PowersOfTen.MAX_LONG_EXPONENT && down <= PowersOfTen.MAX_LONG_EXPONENT) {
            long factor = PowersOfTen.longValue(up);
            return input -> longToLong(operand.evaluate(input), factor, down, input.rowCount(), target, check, precision);
        }
        return input -> viaInt128(operand.evaluate(input), up, down, input.rowCount(), target, check);
    }

    /** Long to long: multiply by {@code factor} or round away {@code down} digits, then check. */
    private static ColumnVector longToLong(ColumnVector source, long factor, int down, int rows, LogicalType target,
                                           boolean check, int precision) {
        if (factor == 1 && down == 0 && !check) {
            return source;
        }
        LongVector result = new LongVector(rows);
        result.setPositionCount(rows);
        NullMasks.copy(result, source, rows);
        long[] x = ((LongVector) source).values();
        long[] out = result.values();
        if (down > 0) {
            long divisor = PowersOfTen.longValue(down);
            for (int i = 0; i < rows; i++) {
                out[i] = LongMath.divideRoundHalfAway(x[i], divisor);
            }
        } else {
            for (int i = 0; i < rows; i++) {
                out[i] = x[i] * factor;
            }
        }
        if (check) {
            if (NumericTypes.isInteger(target)) {
                IntegerArithmetic.checkRange(result, NumericTypes.minimum(target), NumericTypes.maximum(target), target, rows);
            } else {
                LongMath.checkDigits(result, precision, target, rows);
            }
        }
        return result;
    }

    /** The general path on 128 bits: any source, any target, checked per row. */
    private static ColumnVector viaInt128(ColumnVector source, int up, int down, int rows, LogicalType target, boolean check) {
        long[] sourceHigh = ExactOperands.highs(source, rows);
        long[] sourceLow = ExactOperands.lows(source);
        Int128Vector wide = new Int128Vector(rows);
        wide.setPositionCount(rows);
        NullMasks.copy(wide, source, rows);
        long[] high = wide.high();
        long[] low = wide.low();
        boolean integerTarget = NumericTypes.isInteger(target);
        for (int i = 0; i < rows; i++) {
            boolean fits = true;
            if (up > 0) {
                fits = up <= PowersOfTen.MAX_INT128_EXPONENT && Int128Math.multiply(sourceHigh[i], sourceLow[i],
                        PowersOfTen.high(up), PowersOfTen.low(up), high, low, i);
            } else if (down > PowersOfTen.MAX_INT128_EXPONENT) {
                high[i] = 0; // more digits dropped than any value has
                low[i] = 0;
            } else if (down > 0) {
                Int128Math.divideRoundByPowerOfTen(sourceHigh[i], sourceLow[i], down, high, low, i);
            } else {
                high[i] = sourceHigh[i];
                low[i] = sourceLow[i];
            }
            if (check && !wide.isNull(i)) {
                if (integerTarget) {
                    fits &= Int128Math.isLong(high[i], low[i]) && low[i] >= NumericTypes.minimum(target)
                            && low[i] <= NumericTypes.maximum(target);
                } else {
                    fits &= Int128Math.fitsDigits(high[i], low[i], target.precision());
                }
            }
            if (!fits && !wide.isNull(i)) {
                throw integerTarget ? ExpressionErrors.overflow(target) : ExpressionErrors.numericOverflow(target);
            }
        }
        if (target.physicalKind() == PhysicalKind.INT128) {
            return wide;
        }
        LongVector narrow = new LongVector(rows);
        System.arraycopy(low, 0, narrow.values(), 0, rows);
        narrow.setPositionCount(rows);
        NullMasks.copy(narrow, wide, rows);
        return narrow;
    }

    /**
     * Exact to REAL or DOUBLE. Dividing an exactly representable unscaled value by an exactly representable
     * power of ten is one correctly rounded IEEE operation; other values take BigDecimal's correctly rounded
     * conversion.
     */
    static CompiledExpression toFloatingPoint(Operand operand, LogicalType target) {
        LogicalType source = operand.type();
        boolean real = target.kind() == TypeKind.REAL;
        int scale = NumericTypes.scale(source);
        long exactLimit = real ? 1L << 24 : 1L << 53;
        int exactScaleLimit = real ? 10 : 22;
        double divisor = Math.pow(10, scale); // exact for the scales the fast path takes
        return input -> {
            ColumnVector vector = operand.evaluate(input);
            int rows = input.rowCount();
            DoubleVector result = new DoubleVector(rows);
            result.setPositionCount(rows);
            NullMasks.copy(result, vector, rows);
            double[] out = result.values();
            long[] high = vector instanceof Int128Vector wide ? wide.high() : null;
            long[] low = ExactOperands.lows(vector);
            for (int i = 0; i < rows; i++) {
                long value = low[i];
                boolean isLong = high == null || Int128Math.isLong(high[i], value);
                if (isLong && scale == 0 && !real) {
                    out[i] = value;
                } else if (isLong && scale <= exactScaleLimit && value < exactLimit && value > -exactLimit) {
                    out[i] = real ? (float) value / (float) divisor : value / divisor;
                } else {
                    BigDecimal exact = new BigDecimal(high == null ? java.math.BigInteger.valueOf(value)
                            : Int128Math.toBigInteger(high[i], value), scale);
                    out[i] = real ? exact.floatValue() : exact.doubleValue();
                }
            }
            return result;
        };
    }
}
