package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Parses DECIMAL(p,s) text exactly into the unscaled value (value × 10^s). Digits beyond the scale round half
 * away from zero, as PostgreSQL does on input; more integer digits than p − s allow is "numeric field
 * overflow". Exponent notation ({@code 1.5e3}) is accepted.
 *
 * <p>The common case (no exponent, at most 18 kept digits) is one pass over the bytes with {@code long}
 * arithmetic and no allocation. Exponents and values with more than 18 kept digits (only possible when
 * p &gt; 18) take a {@link BigDecimal} slow path. Instances are not thread-safe: a 128-bit result is left in
 * {@link #high()} / {@link #low()}.
 */
final class DecimalParser {

    private static final int MAX_LONG_DIGITS = LogicalType.MAX_LONG_DECIMAL_PRECISION;
    private static final long[] POWERS_OF_TEN = new long[MAX_LONG_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final LogicalType type;
    private final int precision;
    private final int scale;
    private final int maxIntegerDigits;
    private final BigInteger exclusiveLimit;

    /** Set by {@link #parseFast}: the unscaled value when it returns true. */
    private long fastValue;
    private long high;
    private long low;

    DecimalParser(LogicalType type) {
        if (type.kind() != TypeKind.DECIMAL) {
            throw new IllegalArgumentException("not a DECIMAL type: " + type);
        }
        this.type = type;
        this.precision = type.precision();
        this.scale = type.scale();
        this.maxIntegerDigits = precision - scale;
        this.exclusiveLimit = BigInteger.TEN.pow(precision);
    }

    /** The unscaled value of a DECIMAL with precision ≤ 18. */
    long parseLong(byte[] bytes, int start, int end) {
        if (parseFast(bytes, start, end)) {
            return fastValue;
        }
        return parseSlow(bytes, start, end).longValueExact();
    }

    /** Parses a DECIMAL with precision &gt; 18; the result is in {@link #high()} and {@link #low()}. */
    void parseInt128(byte[] bytes, int start, int end) {
        if (parseFast(bytes, start, end)) {
            high = fastValue >> 63;
            low = fastValue;
            return;
        }
        BigInteger unscaled = parseSlow(bytes, start, end);
        high = unscaled.shiftRight(64).longValue();
        low = unscaled.longValue();
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    /**
     * Returns true with the result in {@link #fastValue}, false when the slow path must decide (an exponent,
     * or more than 18 kept digits), or throws for malformed text and overflow.
     */
    private boolean parseFast(byte[] bytes, int start, int end) {
        int position = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, position, end);
        boolean negative = false;
        if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
            negative = bytes[position] == '-';
            position++;
        }
        long value = 0;
        int keptDigits = 0;
        int integerDigits = 0;
        boolean sawDigit = false;
        for (; position < end; position++) {
            int digit = bytes[position] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            sawDigit = true;
            if (integerDigits > 0 || digit != 0) {
                // Leading zeros are not significant; they count towards neither precision nor overflow.
                integerDigits++;
                if (++keptDigits <= MAX_LONG_DIGITS) {
                    value = value * 10 + digit;
                }
            }
        }
        int fractionDigits = 0;
        int roundingDigit = 0;
        if (position < end && bytes[position] == '.') {
            for (position++; position < end; position++) {
                int digit = bytes[position] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                sawDigit = true;
                if (fractionDigits < scale) {
                    if (++keptDigits <= MAX_LONG_DIGITS) {
                        value = value * 10 + digit;
                    }
                } else if (fractionDigits == scale) {
                    // Only the first dropped digit decides half-away-from-zero rounding of exact decimal text.
                    roundingDigit = digit;
                }
                fractionDigits++;
            }
        }
        if (!sawDigit) {
            throw invalid();
        }
        if (position < end) {
            if (bytes[position] == 'e' || bytes[position] == 'E') {
                return false;
            }
            throw invalid();
        }
        if (integerDigits > maxIntegerDigits) {
            throw overflow();
        }
        if (integerDigits + scale > MAX_LONG_DIGITS) {
            return false;
        }
        value *= POWERS_OF_TEN[scale - Math.min(fractionDigits, scale)];
        if (roundingDigit >= 5) {
            value++;
            if (precision <= MAX_LONG_DIGITS && value >= POWERS_OF_TEN[precision]) {
                throw overflow();
            }
        }
        fastValue = negative ? -value : value;
        return true;
    }

    private BigInteger parseSlow(byte[] bytes, int start, int end) {
        start = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, start, end);
        if (!isNumberSyntax(bytes, start, end)) {
            throw invalid();
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(); // an exponent beyond the int range
        }
        if (decimal.signum() == 0) {
            return BigInteger.ZERO;
        }
        // Decide overflow and underflow from the magnitude before setScale, which would otherwise build
        // enormous numbers for inputs like 1e999999999 or 1e-999999999.
        long integerDigits = (long) decimal.precision() - decimal.scale();
        if (integerDigits > maxIntegerDigits) {
            throw overflow();
        }
        if (integerDigits < -scale) {
            return BigInteger.ZERO; // below half of the smallest unit: rounds to zero
        }
        BigInteger unscaled = decimal.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(exclusiveLimit) >= 0) {
            throw overflow();
        }
        return unscaled;
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}, blanks already trimmed. */
    static boolean isNumberSyntax(byte[] bytes, int start, int end) {
        int position = start;
        if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
            position++;
        }
        int mantissaStart = position;
        position = skipDigits(bytes, position, end);
        int digits = position - mantissaStart;
        if (position < end && bytes[position] == '.') {
            int fractionStart = ++position;
            position = skipDigits(bytes, position, end);
            digits += position - fractionStart;
        }
        if (digits == 0) {
            return false;
        }
        if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
            position++;
            if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
                position++;
            }
            int exponentStart = position;
            position = skipDigits(bytes, position, end);
            if (position == exponentStart) {
                return false;
            }
        }
        return position == end;
    }

    private static int skipDigits(byte[] bytes, int position, int end) {
        while (position < end && bytes[position] >= '0' && bytes[position] <= '9') {
            position++;
        }
        return position;
    }

    private ValueFormatException invalid() {
        return new ValueFormatException(StorageErrors.INVALID_TEXT_REPRESENTATION, "invalid " + type + " value");
    }

    private ValueFormatException overflow() {
        return new ValueFormatException(StorageErrors.NUMERIC_OUT_OF_RANGE, "numeric field overflow: " + type
                + " holds absolute values below 10^" + maxIntegerDigits);
    }
}
