package io.basalt.execution.expression;

import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Numbers to and from UTF-8 text, for CAST. Parsing accepts what PostgreSQL accepts for a typed literal:
 * surrounding blanks, a sign, decimal digits, and (for DECIMAL and floating point) a fraction and an
 * exponent; anything else is 22P02 and a value that does not fit the type is 22003. Integers and short
 * decimals are parsed and formatted on the bytes without allocating; floating point goes through the JDK.
 */
final class NumberText {

    private NumberText() {
    }

    // ---- parsing ----

    static long parseInteger(byte[] data, int start, int end, LogicalType type) {
        int from = skipBlanks(data, start, end);
        int to = trimBlanks(data, from, end);
        int position = from;
        boolean negative = false;
        if (position < to && (data[position] == '-' || data[position] == '+')) {
            negative = data[position] == '-';
            position++;
        }
        if (position == to) {
            throw ExpressionErrors.invalidText(type, text(data, start, end));
        }
        // Accumulate negatively: the negative range is one larger, so Long.MIN_VALUE parses.
        long value = 0;
        boolean overflow = false;
        for (; position < to; position++) {
            int digit = data[position] - '0';
            if (digit < 0 || digit > 9) {
                throw ExpressionErrors.invalidText(type, text(data, start, end));
            }
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                overflow = true; // keep scanning: "99999999999999999999x" is malformed, not out of range
                continue;
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                overflow = true;
            }
            value = -value;
        }
        if (overflow || value < NumericTypes.minimum(type) || value > NumericTypes.maximum(type)) {
            throw ExpressionErrors.overflow(type);
        }
        return value;
    }

    /** The unscaled value of DECIMAL text at the type's scale, rounded half away from zero. */
    static BigInteger parseDecimal(byte[] data, int start, int end, LogicalType type) {
        int from = skipBlanks(data, start, end);
        int to = trimBlanks(data, from, end);
        if (!isNumberSyntax(data, from, to)) {
            throw ExpressionErrors.invalidText(type, text(data, start, end));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(new String(data, from, to - from, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            throw ExpressionErrors.invalidText(type, text(data, start, end)); // exponent beyond int range
        }
        if (value.signum() == 0) {
            return BigInteger.ZERO;
        }
        // Decide from the magnitude before setScale, which would build huge numbers for 1e999999999.
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > type.precision() - type.scale()) {
            throw ExpressionErrors.numericOverflow(type);
        }
        if (integerDigits < -type.scale() - 1) {
            return BigInteger.ZERO;
        }
        BigInteger unscaled = value.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (unscaled.abs().compareTo(PowersOfTen.big(type.precision())) >= 0) {
            throw ExpressionErrors.numericOverflow(type);
        }
        return unscaled;
    }

    /** REAL or DOUBLE text: digits with optional fraction and exponent, or inf/infinity/nan in any case. */
    static double parseFloatingPoint(byte[] data, int start, int end, LogicalType type) {
        int from = skipBlanks(data, start, end);
        int to = trimBlanks(data, from, end);
        String text = new String(data, from, to - from, StandardCharsets.UTF_8);
        boolean real = type.kind() == TypeKind.REAL;
        String word = text.toLowerCase(java.util.Locale.ROOT);
        String unsigned = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!isNumberSyntax(data, from, to)) {
            throw ExpressionErrors.invalidText(type, text(data, start, end));
        }
        double value = real ? Float.parseFloat(text) : Double.parseDouble(text);
        if (Double.isInfinite(value) || (value == 0 && hasNonZeroDigit(data, from, to))) {
            throw ExpressionErrors.overflow(type);
        }
        return value;
    }

    /** {@code [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?}. */
    static boolean isNumberSyntax(byte[] data, int start, int end) {
        int position = start;
        if (position < end && (data[position] == '-' || data[position] == '+')) {
            position++;
        }
        int mantissaStart = position;
        position = skipDigits(data, position, end);
        int digits = position - mantissaStart;
        if (position < end && data[position] == '.') {
            int fractionStart = ++position;
            position = skipDigits(data, position, end);
            digits += position - fractionStart;
        }
        if (digits == 0) {
            return false;
        }
        if (position < end && (data[position] == 'e' || data[position] == 'E')) {
            position++;
            if (position < end && (data[position] == '-' || data[position] == '+')) {
                position++;
            }
            int exponentStart = position;
            position = skipDigits(data, position, end);
            if (position == exponentStart) {
                return false;
            }
        }
        return position == end;
    }

    private static boolean hasNonZeroDigit(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] == 'e' || data[i] == 'E') {
                return false;
            }
            if (data[i] >= '1' && data[i] <= '9') {
                return true;
            }
        }
        return false;
    }

    private static int skipDigits(byte[] data, int position, int end) {
        while (position < end && data[position] >= '0' && data[position] <= '9') {
            position++;
        }
        return position;
    }

    static int skipBlanks(byte[] data, int start, int end) {
        while (start < end && isBlank(data[start])) {
            start++;
        }
        return start;
    }

    static int trimBlanks(byte[] data, int start, int end) {
        while (end > start && isBlank(data[end - 1])) {
            end--;
        }
        return end;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B;
    }

    static String text(byte[] data, int start, int end) {
        return new String(data, start, end - start, StandardCharsets.UTF_8);
    }

    // ---- formatting ----

    /** Scratch size the formatting methods need. */
    static final int BUFFER_SIZE = 48;

    /** Writes the decimal digits of {@code value} at {@code buffer[0..)}, returns the length (at most 20). */
    static int formatLong(long value, byte[] buffer) {
        return formatDecimal(value, 0, buffer);
    }

    /**
     * An unscaled long DECIMAL at {@code scale}, keeping all scale digits as PostgreSQL does ("1.50"), at
     * {@code buffer[0..)} (of at least {@link #BUFFER_SIZE} bytes); returns the length.
     */
    static int formatDecimal(long unscaled, int scale, byte[] buffer) {
        // Digits are produced backwards from the end of the buffer, then moved to the front. The negative
        // magnitude is used so that Long.MIN_VALUE needs no special case.
        int position = BUFFER_SIZE;
        long negative = unscaled < 0 ? unscaled : -unscaled;
        int written = 0;
        while (true) {
            buffer[--position] = (byte) ('0' - negative % 10);
            negative /= 10;
            written++;
            if (written == scale) {
                buffer[--position] = '.';
            }
            if (negative == 0 && written > scale) {
                break;
            }
        }
        if (unscaled < 0) {
            buffer[--position] = '-';
        }
        int length = BUFFER_SIZE - position;
        System.arraycopy(buffer, position, buffer, 0, length);
        return length;
    }

    static String formatDecimal(BigInteger unscaled, int scale) {
        return new BigDecimal(unscaled, scale).toPlainString();
    }

    /**
     * PostgreSQL's float output: the shortest text that reads back as the same value, positional for decimal
     * exponents from -4 up to the type's digits (15 for DOUBLE, 6 for REAL), scientific ({@code 1e+20}) beyond.
     */
    static String formatFloatingPoint(double value, boolean real) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        String shortest = real ? Float.toString((float) value) : Double.toString(value);
        BigDecimal decimal = new BigDecimal(shortest).stripTrailingZeros();
        int exponent = decimal.precision() - decimal.scale() - 1;
        int limit = real ? 6 : 15;
        if (exponent >= -4 && exponent < limit) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        StringBuilder text = new StringBuilder();
        if (decimal.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            text.append('0');
        }
        return text.append(magnitude).toString();
    }
}
