package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;

import java.nio.charset.StandardCharsets;

/**
 * Parses REAL and DOUBLE text with the results of {@link Float#parseFloat} / {@link Double#parseDouble}
 * (correctly rounded), but with SQL's syntax: decimal digits with an optional exponent, plus {@code inf},
 * {@code infinity} and {@code nan} in any case (Java's {@code 1.5d}, {@code 0x1p3} and {@code Infinity}-only
 * spellings are not what SQL users write). A finite value that overflows or underflows the type is out of
 * range, as in PostgreSQL.
 *
 * <p>Most values (up to 15 significant digits and a small exponent) are computed exactly without allocation:
 * when both the digits and the power of ten are exactly representable, one IEEE multiplication or division
 * is correctly rounded. Everything else goes through a String to the JDK's parser.
 */
final class FloatingPointParser {

    private static final double[] DOUBLE_POWERS_OF_TEN = new double[23];
    private static final float[] FLOAT_POWERS_OF_TEN = new float[11];
    private static final long MAX_EXACT_DOUBLE_MANTISSA = 1L << 53;
    private static final long MAX_EXACT_FLOAT_MANTISSA = 1L << 24;
    private static final int MAX_MANTISSA_DIGITS = 18;

    static {
        double power = 1;
        for (int i = 0; i < DOUBLE_POWERS_OF_TEN.length; i++) {
            DOUBLE_POWERS_OF_TEN[i] = power;
            power *= 10;
        }
        float floatPower = 1;
        for (int i = 0; i < FLOAT_POWERS_OF_TEN.length; i++) {
            FLOAT_POWERS_OF_TEN[i] = floatPower;
            floatPower *= 10;
        }
    }

    private final LogicalType type;
    private final boolean real;

    FloatingPointParser(LogicalType type) {
        if (type.kind() != TypeKind.REAL && type.kind() != TypeKind.DOUBLE) {
            throw new IllegalArgumentException("not a floating-point type: " + type);
        }
        this.type = type;
        this.real = type.kind() == TypeKind.REAL;
    }

    /** The value, widened to double for REAL (exact). */
    double parse(byte[] bytes, int start, int end) {
        start = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, start, end);
        int position = start;
        boolean negative = false;
        if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
            negative = bytes[position] == '-';
            position++;
        }
        if (position < end && (bytes[position] | 0x20) >= 'a' && (bytes[position] | 0x20) <= 'z') {
            return parseSpecial(bytes, position, end, negative);
        }
        long mantissa = 0;
        int mantissaDigits = 0;
        int exponentAdjustment = 0;
        boolean sawDigit = false;
        boolean exactMantissa = true;
        for (; position < end; position++) {
            int digit = bytes[position] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            sawDigit = true;
            if (mantissa != 0 || digit != 0) {
                if (mantissaDigits++ < MAX_MANTISSA_DIGITS) {
                    mantissa = mantissa * 10 + digit;
                } else {
                    exactMantissa = false;
                }
            }
        }
        if (position < end && bytes[position] == '.') {
            for (position++; position < end; position++) {
                int digit = bytes[position] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                sawDigit = true;
                if (mantissa != 0 || digit != 0) {
                    if (mantissaDigits++ < MAX_MANTISSA_DIGITS) {
                        mantissa = mantissa * 10 + digit;
                    } else {
                        exactMantissa = false;
                        continue;
                    }
                }
                exponentAdjustment--;
            }
        }
        if (!sawDigit) {
            throw invalid();
        }
        int exponent = 0;
        if (position < end && (bytes[position] == 'e' || bytes[position] == 'E')) {
            position++;
            boolean negativeExponent = false;
            if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
                negativeExponent = bytes[position] == '-';
                position++;
            }
            int exponentStart = position;
            for (; position < end; position++) {
                int digit = bytes[position] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                // Clamp: far beyond any double's range, and keeps the int from overflowing.
                exponent = Math.min(exponent * 10 + digit, 100_000);
            }
            if (position == exponentStart) {
                throw invalid();
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (position != end) {
            throw invalid();
        }
        int powerOfTen = exponent + exponentAdjustment;
        double value;
        if (mantissa == 0 && exactMantissa) {
            value = 0;
        } else if (exactMantissa && fitsFastPath(mantissa, powerOfTen)) {
            value = fastValue(mantissa, powerOfTen);
        } else {
            value = slowValue(bytes, start, end);
            negative = false; // the text carried the sign
        }
        if (Double.isInfinite(value) || (value == 0 && mantissa != 0)) {
            throw new ValueFormatException(StorageErrors.NUMERIC_OUT_OF_RANGE, type + " value out of range");
        }
        return negative ? -value : value;
    }

    private boolean fitsFastPath(long mantissa, int powerOfTen) {
        if (real) {
            return mantissa <= MAX_EXACT_FLOAT_MANTISSA && Math.abs(powerOfTen) < FLOAT_POWERS_OF_TEN.length;
        }
        return mantissa <= MAX_EXACT_DOUBLE_MANTISSA && Math.abs(powerOfTen) < DOUBLE_POWERS_OF_TEN.length;
    }

    private double fastValue(long mantissa, int powerOfTen) {
        if (real) {
            // Float arithmetic, not double then narrowing, which could round twice.
            float digits = mantissa;
            return powerOfTen >= 0 ? digits * FLOAT_POWERS_OF_TEN[powerOfTen] : digits / FLOAT_POWERS_OF_TEN[-powerOfTen];
        }
        double digits = mantissa;
        return powerOfTen >= 0 ? digits * DOUBLE_POWERS_OF_TEN[powerOfTen] : digits / DOUBLE_POWERS_OF_TEN[-powerOfTen];
    }

    private double slowValue(byte[] bytes, int start, int end) {
        String text = new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        return real ? Float.parseFloat(text) : Double.parseDouble(text);
    }

    private double parseSpecial(byte[] bytes, int start, int end, boolean negative) {
        if (matchesIgnoringCase(bytes, start, end, "inf") || matchesIgnoringCase(bytes, start, end, "infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (matchesIgnoringCase(bytes, start, end, "nan")) {
            return Double.NaN;
        }
        throw invalid();
    }

    /** Compares ASCII letters case-insensitively; {@code expected} is lower case. */
    static boolean matchesIgnoringCase(byte[] bytes, int start, int end, String expected) {
        if (end - start != expected.length()) {
            return false;
        }
        for (int i = 0; i < expected.length(); i++) {
            if ((bytes[start + i] | 0x20) != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private ValueFormatException invalid() {
        return new ValueFormatException(StorageErrors.INVALID_TEXT_REPRESENTATION, "invalid " + type + " value");
    }
}
