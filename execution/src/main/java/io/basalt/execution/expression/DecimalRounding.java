package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * ROUND (half away from zero, to an optional number of digits, negative meaning left of the point), TRUNC
 * (towards zero, the same digits), FLOOR and CEIL of integers and DECIMALs. Each row drops the digits beyond the requested ones with the chosen
 * rounding, then is rescaled to the call type's scale and checked against its precision (rounding 9.99 up
 * to 10.00 can outgrow a DECIMAL(3,2): 22003). Rows run on 128 bits; these functions are rare in filters.
 */
final class DecimalRounding {

    /** Digit counts beyond this drop or keep everything; clamping keeps the arithmetic in range. */
    private static final int DIGITS_LIMIT = 100;

    private DecimalRounding() {
    }

    static CompiledExpression compile(Function function, LogicalType type, Operand value, Operand digits) {
        int sourceScale = NumericTypes.scale(value.type());
        int resultScale = NumericTypes.scale(type);
        int rounding = function == Function.FLOOR ? Int128Math.FLOOR : function == Function.CEIL ? Int128Math.CEILING
                : function == Function.TRUNC ? Int128Math.TOWARD_ZERO : Int128Math.HALF_AWAY;
        boolean integerResult = NumericTypes.isInteger(type);
        return input -> {
            ColumnVector vector = value.evaluate(input);
            LongVector digitValues = digits == null ? null : (LongVector) digits.evaluate(input);
            int rows = input.rowCount();
            long[] sourceHigh = ExactOperands.highs(vector, rows);
            long[] sourceLow = ExactOperands.lows(vector);
            Int128Vector wide = new Int128Vector(rows);
            wide.setPositionCount(rows);
            if (digitValues == null) {
                NullMasks.copy(wide, vector, rows);
            } else {
                NullMasks.union(wide, vector, digitValues, rows);
            }
            long[] high = wide.high();
            long[] low = wide.low();
            for (int i = 0; i < rows; i++) {
                if (wide.isNull(i)) {
                    continue;
                }
                long wanted = digitValues == null ? 0 : Math.max(-DIGITS_LIMIT, Math.min(DIGITS_LIMIT, digitValues.get(i)));
                int kept = (int) Math.min(wanted, sourceScale);
                int dropped = sourceScale - kept;
                if (dropped > PowersOfTen.MAX_INT128_EXPONENT) {
                    boolean negative = sourceHigh[i] < 0;
                    boolean zero = sourceHigh[i] == 0 && sourceLow[i] == 0;
                    long unit = zero || rounding == Int128Math.HALF_AWAY || rounding == Int128Math.TOWARD_ZERO ? 0
                            : rounding == Int128Math.FLOOR ? (negative ? -1 : 0) : (negative ? 0 : 1);
                    high[i] = unit >> 63;
                    low[i] = unit;
                } else if (dropped > 0) {
                    Int128Math.divideByPowerOfTen(sourceHigh[i], sourceLow[i], dropped, rounding, high, low, i);
                } else {
                    high[i] = sourceHigh[i];
                    low[i] = sourceLow[i];
                }
                // The value now has scale `kept`; bring it to the result's.
                boolean fits = true;
                if (resultScale > kept) {
                    int up = resultScale - kept;
                    fits = (high[i] == 0 && low[i] == 0) || (up <= PowersOfTen.MAX_INT128_EXPONENT
                            && Int128Math.multiply(high[i], low[i], PowersOfTen.high(up), PowersOfTen.low(up), high, low, i));
                } else if (resultScale < kept) {
                    Int128Math.divideRoundByPowerOfTen(high[i], low[i], kept - resultScale, high, low, i);
                }
                if (integerResult) {
                    fits &= Int128Math.isLong(high[i], low[i]) && low[i] >= NumericTypes.minimum(type) && low[i] <= NumericTypes.maximum(type);
                } else {
                    fits &= Int128Math.fitsDigits(high[i], low[i], type.precision());
                }
                if (!fits) {
                    throw integerResult ? ExpressionErrors.overflow(type) : ExpressionErrors.numericOverflow(type);
                }
            }
            if (type.physicalKind() == PhysicalKind.INT128) {
                return wide;
            }
            LongVector narrow = new LongVector(rows);
            System.arraycopy(low, 0, narrow.values(), 0, rows);
            narrow.setPositionCount(rows);
            NullMasks.copy(narrow, wide, rows);
            return narrow;
        };
    }
}
