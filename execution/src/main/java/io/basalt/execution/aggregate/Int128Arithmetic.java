package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;

/**
 * Exact sums in two's-complement 128-bit integers held as (high, low) longs: DECIMAL sums cannot overflow
 * 64 bits silently, and no object is allocated per row.
 */
final class Int128Arithmetic {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger[] POWERS_OF_TEN = new BigInteger[39];
    /** 10^0 .. 10^18, the powers of ten that fit a long. */
    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
        for (int i = 0; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = POWERS_OF_TEN[i].longValueExact();
        }
    }

    private Int128Arithmetic() {
    }

    /** Adds {@code (addHigh, addLow)} to slot {@code index} of the arrays; 128-bit overflow raises 22003. */
    static void add(long[] high, long[] low, int index, long addHigh, long addLow) {
        long sumLow = low[index] + addLow;
        long carry = Long.compareUnsigned(sumLow, low[index]) < 0 ? 1 : 0;
        long left = high[index];
        long right = addHigh;
        if (carry != 0) {
            if (left != Long.MAX_VALUE) {
                left++;
            } else if (right != Long.MAX_VALUE) {
                right++;
            } else {
                throw overflow();
            }
        }
        try {
            high[index] = Math.addExact(left, right);
        } catch (ArithmeticException e) {
            throw overflow();
        }
        low[index] = sumLow;
    }

    /** Adds row {@code row} of an exact-number vector (LONG: integers and short DECIMALs; INT128) to slot {@code index}. */
    static void addValue(long[] high, long[] low, int index, ColumnVector argument, int row) {
        if (argument instanceof LongVector longs) {
            long value = longs.values()[row];
            add(high, low, index, value >> 63, value);
        } else {
            Int128Vector wide = (Int128Vector) argument;
            add(high, low, index, wide.high()[row], wide.low()[row]);
        }
    }

    static BigInteger toBigInteger(long high, long low) {
        BigInteger unsignedLow = new BigInteger(Long.toUnsignedString(low));
        return BigInteger.valueOf(high).multiply(TWO_TO_64).add(unsignedLow);
    }

    /**
     * Whether the 128-bit value {@code (high, low)} has at most {@code precision} decimal digits; a value that fits a
     * long is checked without allocating (a SUM's result checks every group: hundreds of thousands in TPC-H Q10/Q18).
     */
    static boolean fitsPrecision(long high, long low, int precision) {
        // Every long has at most 19 digits; below that 10^precision is a long. Long.MIN_VALUE (no positive long) and
        // wider values take the BigInteger path.
        if (high == low >> 63 && low != Long.MIN_VALUE) {
            return precision >= LONG_POWERS_OF_TEN.length || Math.abs(low) < LONG_POWERS_OF_TEN[precision];
        }
        return fitsPrecision(toBigInteger(high, low), precision);
    }

    /** Whether {@code value} has at most {@code precision} decimal digits. */
    static boolean fitsPrecision(BigInteger value, int precision) {
        return value.abs().compareTo(POWERS_OF_TEN[precision]) < 0;
    }

    static ExecutionException overflow() {
        return new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "numeric field overflow");
    }
}
