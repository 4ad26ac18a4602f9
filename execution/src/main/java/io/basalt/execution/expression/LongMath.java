package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

/** Long helpers shared by the exact kernels: rounding division and the precision check. */
final class LongMath {

    private LongMath() {
    }

    /**
     * round(numerator / denominator), half away from zero, for a non-zero denominator. Long.MIN_VALUE / -1
     * is the caller's concern (decimal operands never reach it: their digits are bounded).
     */
    static long divideRoundHalfAway(long numerator, long denominator) {
        long quotient = numerator / denominator;
        long remainder = numerator - quotient * denominator;
        // |remainder| ≥ |denominator| − |remainder| means the dropped part is at least one half; comparing this
        // way never overflows.
        long absoluteRemainder = Math.abs(remainder);
        if (absoluteRemainder != 0 && absoluteRemainder >= Math.abs(denominator) - absoluteRemainder) {
            quotient += (numerator ^ denominator) < 0 ? -1 : 1;
        }
        return quotient;
    }

    /** Fails with 22003 when a non-null value has {@code digits} or more digits (|v| ≥ 10^digits). */
    static void checkDigits(LongVector vector, int digits, LogicalType type, int rows) {
        long limit = PowersOfTen.longValue(digits);
        long[] values = vector.values();
        boolean outside = false;
        for (int i = 0; i < rows; i++) {
            long value = values[i];
            outside |= value >= limit | value <= -limit;
        }
        if (outside) {
            failOnFirst(vector, rows, limit, type);
        }
    }

    private static void failOnFirst(ColumnVector vector, int rows, long limit, LogicalType type) {
        long[] values = ((LongVector) vector).values();
        for (int i = 0; i < rows; i++) {
            if ((values[i] >= limit || values[i] <= -limit) && !vector.isNull(i)) {
                throw ExpressionErrors.numericOverflow(type);
            }
        }
    }

    /** Half away from zero rounding of a double to a whole number (Math.round rounds -2.5 to -2). */
    static double roundHalfAway(double value) {
        double magnitude = Math.abs(value);
        double floor = Math.floor(magnitude);
        // magnitude − floor is exact for doubles, so 0.49999999999999994 stays below one half.
        double rounded = magnitude - floor >= 0.5 ? floor + 1 : floor;
        return Math.copySign(rounded, value);
    }
}
