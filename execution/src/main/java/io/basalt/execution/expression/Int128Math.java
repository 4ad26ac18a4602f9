package io.basalt.execution.expression;

import java.math.BigInteger;

/**
 * Signed 128-bit integer arithmetic on (high, low) pairs of longs, without allocating: the unscaled values
 * of DECIMAL(19..38) and the intermediate results of wide decimal arithmetic. Operations that produce a
 * 128-bit value write it into {@code outHigh[index]} / {@code outLow[index]} (the kernels keep values in
 * such arrays anyway) and report overflow by returning false, so that the caller can decide between an
 * error and a slower exact path.
 */
final class Int128Math {

    private static final long LOW_32_BITS = 0xFFFF_FFFFL;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN_VALUE = BigInteger.ONE.shiftLeft(127).negate();
    private static final BigInteger MAX_VALUE = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);

    private Int128Math() {
    }

    /** True when the 128-bit value is a sign-extended long. */
    static boolean isLong(long high, long low) {
        return high == (low >> 63);
    }

    static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int byHigh = Long.compare(aHigh, bHigh);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(aLow, bLow);
    }

    /** |value| &lt; 10^digits; always true beyond 38 digits, which exceed every 128-bit value. */
    static boolean fitsDigits(long high, long low, int digits) {
        if (digits > PowersOfTen.MAX_INT128_EXPONENT) {
            return true;
        }
        long limitHigh = PowersOfTen.high(digits);
        long limitLow = PowersOfTen.low(digits);
        if (high >= 0) {
            return compare(high, low, limitHigh, limitLow) < 0;
        }
        // -value < limit, where -value may be 2^127 (unsigned) for the smallest value.
        long negatedLow = -low;
        long negatedHigh = ~high + (low == 0 ? 1 : 0);
        return negatedHigh >= 0 && compare(negatedHigh, negatedLow, limitHigh, limitLow) < 0;
    }

    /** The high 64 bits of the unsigned 128-bit product of two unsigned longs (Math.unsignedMultiplyHigh is Java 18). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    static boolean add(long aHigh, long aLow, long bHigh, long bLow, long[] outHigh, long[] outLow, int index) {
        long low = aLow + bLow;
        long carry = ((aLow & bLow) | ((aLow | bLow) & ~low)) >>> 63;
        long high = aHigh + bHigh + carry;
        outHigh[index] = high;
        outLow[index] = low;
        return ((aHigh ^ high) & (bHigh ^ high)) >= 0;
    }

    static boolean subtract(long aHigh, long aLow, long bHigh, long bLow, long[] outHigh, long[] outLow, int index) {
        long low = aLow - bLow;
        long borrow = ((~aLow & bLow) | (~(aLow ^ bLow) & low)) >>> 63;
        long high = aHigh - bHigh - borrow;
        outHigh[index] = high;
        outLow[index] = low;
        return ((aHigh ^ bHigh) & (aHigh ^ high)) >= 0;
    }

    /** -value; false only for -2^127, whose negation does not fit. */
    static boolean negate(long high, long low, long[] outHigh, long[] outLow, int index) {
        outLow[index] = -low;
        long negatedHigh = ~high + (low == 0 ? 1 : 0);
        outHigh[index] = negatedHigh;
        return !(high == Long.MIN_VALUE && low == 0);
    }

    static boolean multiply(long aHigh, long aLow, long bHigh, long bLow, long[] outHigh, long[] outLow, int index) {
        if (aHigh == (aLow >> 63) && bHigh == (bLow >> 63)) {
            // Two longs: the exact product always fits 128 bits.
            outHigh[index] = Math.multiplyHigh(aLow, bLow);
            outLow[index] = aLow * bLow;
            return true;
        }
        boolean negative = (aHigh ^ bHigh) < 0;
        long xLow = aHigh < 0 ? -aLow : aLow;
        long xHigh = aHigh < 0 ? ~aHigh + (aLow == 0 ? 1 : 0) : aHigh;
        long yLow = bHigh < 0 ? -bLow : bLow;
        long yHigh = bHigh < 0 ? ~bHigh + (bLow == 0 ? 1 : 0) : bHigh;
        if (xHigh != 0 && yHigh != 0) {
            return false;
        }
        long low = xLow * yLow;
        long high = unsignedMultiplyHigh(xLow, yLow);
        long cross;
        if (xHigh != 0) {
            if (unsignedMultiplyHigh(xHigh, yLow) != 0) {
                return false;
            }
            cross = xHigh * yLow;
        } else {
            if (unsignedMultiplyHigh(xLow, yHigh) != 0) {
                return false;
            }
            cross = xLow * yHigh;
        }
        long sumHigh = high + cross;
        if (Long.compareUnsigned(sumHigh, high) < 0) {
            return false;
        }
        if (sumHigh < 0 && !(negative && sumHigh == Long.MIN_VALUE && low == 0)) {
            return false; // the magnitude reaches 2^127, which only -2^127 may have
        }
        if (negative) {
            outLow[index] = -low;
            outHigh[index] = ~sumHigh + (low == 0 ? 1 : 0);
        } else {
            outLow[index] = low;
            outHigh[index] = sumHigh;
        }
        return true;
    }

    /** Rounding of {@link #divideByPowerOfTen}: to nearest with halves away from zero, or towards ±infinity. */
    static final int HALF_AWAY = 0;
    static final int FLOOR = 1;
    static final int CEILING = 2;
    static final int TOWARD_ZERO = 3;

    /**
     * round(value / 10^exponent), half away from zero, for 0 &lt; exponent ≤ 38. Never overflows: the
     * quotient is smaller than the value.
     */
    static void divideRoundByPowerOfTen(long high, long low, int exponent, long[] outHigh, long[] outLow, int index) {
        divideByPowerOfTen(high, low, exponent, HALF_AWAY, outHigh, outLow, index);
    }

    /** value / 10^exponent for 0 &lt; exponent ≤ 38, rounded as {@code rounding} says. */
    static void divideByPowerOfTen(long high, long low, int exponent, int rounding, long[] outHigh, long[] outLow, int index) {
        boolean negative = high < 0;
        long magnitudeLow = negative ? -low : low;
        long magnitudeHigh = negative ? ~high + (low == 0 ? 1 : 0) : high;
        // Adding to the magnitude before a truncating division rounds it: half the divisor rounds half away
        // from zero, the divisor minus one rounds away from zero (a ceiling for positive values, a floor for
        // negative ones). A magnitude ≤ 2^127 plus less than 10^38 still fits 128 unsigned bits.
        boolean awayFromZero = (rounding == FLOOR && negative) || (rounding == CEILING && !negative);
        long addHigh = 0;
        long addLow = 0;
        if (rounding == HALF_AWAY) {
            addHigh = PowersOfTen.high(exponent - 1) * 5 + unsignedMultiplyHigh(PowersOfTen.low(exponent - 1), 5);
            addLow = PowersOfTen.low(exponent - 1) * 5;
        } else if (awayFromZero) {
            addLow = PowersOfTen.low(exponent) - 1;
            addHigh = PowersOfTen.high(exponent) - (PowersOfTen.low(exponent) == 0 ? 1 : 0);
        }
        long sumLow = magnitudeLow + addLow;
        long carry = ((magnitudeLow & addLow) | ((magnitudeLow | addLow) & ~sumLow)) >>> 63;
        long sumHigh = magnitudeHigh + addHigh + carry;
        // Truncating divisions compose exactly: ⌊⌊n / a⌋ / b⌋ = ⌊n / (a·b)⌋.
        int remaining = exponent;
        while (remaining > 0) {
            int step = Math.min(remaining, PowersOfTen.MAX_LONG_EXPONENT);
            long divisor = PowersOfTen.longValue(step);
            long quotientHigh = divideUnsigned(sumHigh, divisor);
            long remainderHigh = sumHigh - quotientHigh * divisor;
            sumLow = divideUnsignedNarrow(remainderHigh, sumLow, divisor);
            sumHigh = quotientHigh;
            remaining -= step;
        }
        if (negative) {
            outLow[index] = -sumLow;
            outHigh[index] = ~sumHigh + (sumLow == 0 ? 1 : 0);
        } else {
            outLow[index] = sumLow;
            outHigh[index] = sumHigh;
        }
    }

    /**
     * round(n / divisor) half away from zero for a non-zero long divisor. False when the quotient does not
     * fit (only -2^127 / -1).
     */
    static boolean divideRound(long high, long low, long divisor, long[] outHigh, long[] outLow, int index) {
        boolean negative = (high ^ divisor) < 0;
        long magnitudeLow = high < 0 ? -low : low;
        long magnitudeHigh = high < 0 ? ~high + (low == 0 ? 1 : 0) : high;
        long divisorMagnitude = Math.abs(divisor); // Long.MIN_VALUE stays 2^63 read unsigned
        long quotientHigh = divideUnsigned(magnitudeHigh, divisorMagnitude);
        long remainderHigh = magnitudeHigh - quotientHigh * divisorMagnitude;
        long quotientLow = divideUnsignedNarrow(remainderHigh, magnitudeLow, divisorMagnitude);
        long remainder = magnitudeLow - quotientLow * divisorMagnitude;
        if (Long.compareUnsigned(remainder, divisorMagnitude - remainder) >= 0) {
            quotientLow++;
            if (quotientLow == 0) {
                quotientHigh++;
            }
        }
        if (quotientHigh < 0 && !(negative && quotientHigh == Long.MIN_VALUE && quotientLow == 0)) {
            return false;
        }
        if (negative) {
            outLow[index] = -quotientLow;
            outHigh[index] = ~quotientHigh + (quotientLow == 0 ? 1 : 0);
        } else {
            outLow[index] = quotientLow;
            outHigh[index] = quotientHigh;
        }
        return true;
    }

    /** The remainder of n / divisor with the sign of n (SQL's MOD), for a non-zero long divisor. */
    static long remainder(long high, long low, long divisor) {
        long magnitudeLow = high < 0 ? -low : low;
        long magnitudeHigh = high < 0 ? ~high + (low == 0 ? 1 : 0) : high;
        long divisorMagnitude = Math.abs(divisor);
        long remainderHigh = magnitudeHigh - divideUnsigned(magnitudeHigh, divisorMagnitude) * divisorMagnitude;
        long quotientLow = divideUnsignedNarrow(remainderHigh, magnitudeLow, divisorMagnitude);
        long remainder = magnitudeLow - quotientLow * divisorMagnitude;
        return high < 0 ? -remainder : remainder;
    }

    /**
     * The unsigned quotient of the 128-bit (numeratorHigh:numeratorLow) by divisor, which must be larger than
     * numeratorHigh (unsigned) so that the quotient fits 64 bits. Schoolbook division in base 2^32 after
     * normalising the divisor (Knuth's algorithm D specialised to a two-digit divisor): each quotient digit
     * is estimated from the leading digits and corrected at most twice.
     */
    static long divideUnsignedNarrow(long numeratorHigh, long numeratorLow, long divisor) {
        if (numeratorHigh == 0) {
            return divideUnsigned(numeratorLow, divisor);
        }
        int shift = Long.numberOfLeadingZeros(divisor);
        long normalized = divisor << shift;
        long divisorHigh = normalized >>> 32;
        long divisorLow = normalized & LOW_32_BITS;
        long top = shift == 0 ? numeratorHigh : (numeratorHigh << shift) | (numeratorLow >>> (64 - shift));
        long bottom = numeratorLow << shift;
        long bottomHigh = bottom >>> 32;
        long bottomLow = bottom & LOW_32_BITS;

        long quotientHigh = divideUnsigned(top, divisorHigh);
        long remainderEstimate = top - quotientHigh * divisorHigh;
        while (Long.compareUnsigned(quotientHigh, LOW_32_BITS) > 0
                || Long.compareUnsigned(quotientHigh * divisorLow, (remainderEstimate << 32) | bottomHigh) > 0) {
            quotientHigh--;
            remainderEstimate += divisorHigh;
            if (Long.compareUnsigned(remainderEstimate, LOW_32_BITS) > 0) {
                break;
            }
        }
        long middle = ((top << 32) | bottomHigh) - quotientHigh * normalized;

        long quotientLow = divideUnsigned(middle, divisorHigh);
        remainderEstimate = middle - quotientLow * divisorHigh;
        while (Long.compareUnsigned(quotientLow, LOW_32_BITS) > 0
                || Long.compareUnsigned(quotientLow * divisorLow, (remainderEstimate << 32) | bottomLow) > 0) {
            quotientLow--;
            remainderEstimate += divisorHigh;
            if (Long.compareUnsigned(remainderEstimate, LOW_32_BITS) > 0) {
                break;
            }
        }
        return (quotientHigh << 32) | quotientLow;
    }

    /**
     * Unsigned 64-bit division. {@code Long.divideUnsigned} of Java 17 goes through BigInteger whenever the
     * dividend is zero or at least 2^63, which made every 128-bit division allocate; this is the signed
     * division of half the dividend, doubled and corrected by at most one.
     */
    static long divideUnsigned(long dividend, long divisor) {
        if (divisor < 0) {
            return Long.compareUnsigned(dividend, divisor) < 0 ? 0 : 1;
        }
        if (dividend >= 0) {
            return dividend / divisor;
        }
        long quotient = ((dividend >>> 1) / divisor) << 1;
        long remainder = dividend - quotient * divisor;
        return quotient + (Long.compareUnsigned(remainder, divisor) >= 0 ? 1 : 0);
    }

    static BigInteger toBigInteger(long high, long low) {
        BigInteger lowPart = BigInteger.valueOf(low & Long.MAX_VALUE);
        if (low < 0) {
            lowPart = lowPart.setBit(63);
        }
        return BigInteger.valueOf(high).multiply(TWO_TO_64).add(lowPart);
    }

    /** Stores value if it fits 128 signed bits. */
    static boolean fromBigInteger(BigInteger value, long[] outHigh, long[] outLow, int index) {
        if (value.compareTo(MIN_VALUE) < 0 || value.compareTo(MAX_VALUE) > 0) {
            return false;
        }
        outHigh[index] = value.shiftRight(64).longValue();
        outLow[index] = value.longValue();
        return true;
    }
}
