package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;

/**
 * Parses TINYINT, SMALLINT, INTEGER and BIGINT text: optional blanks, an optional sign, decimal digits,
 * optional blanks. The value must fit the declared width, not just a {@code long}.
 */
final class IntegerParser {

    /** Any 18 decimal digits fit a long. */
    private static final int MAX_SAFE_DIGITS = 18;

    private final LogicalType type;
    private final long minimum;
    private final long maximum;

    IntegerParser(LogicalType type) {
        this.type = type;
        switch (type.kind()) {
            case TINYINT -> { minimum = Byte.MIN_VALUE; maximum = Byte.MAX_VALUE; }
            case SMALLINT -> { minimum = Short.MIN_VALUE; maximum = Short.MAX_VALUE; }
            case INTEGER -> { minimum = Integer.MIN_VALUE; maximum = Integer.MAX_VALUE; }
            case BIGINT -> { minimum = Long.MIN_VALUE; maximum = Long.MAX_VALUE; }
            default -> throw new IllegalArgumentException("not an integer type: " + type);
        }
    }

    long parse(byte[] bytes, int start, int end) {
        int position = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, position, end);
        boolean negative = false;
        if (position < end && (bytes[position] == '-' || bytes[position] == '+')) {
            negative = bytes[position] == '-';
            position++;
        }
        if (position == end) {
            throw invalid();
        }
        if (end - position <= MAX_SAFE_DIGITS) {
            // Too few digits to overflow a long: one multiply-add per digit, then the width check.
            long value = 0;
            for (; position < end; position++) {
                int digit = bytes[position] - '0';
                if (digit < 0 || digit > 9) {
                    throw invalid();
                }
                value = value * 10 + digit;
            }
            return checkRange(negative ? -value : value, false);
        }
        // Accumulate negatively: the negative range is one larger, so Long.MIN_VALUE parses without overflow.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long limitBeforeMultiply = limit / 10;
        long result = 0;
        boolean overflow = false;
        for (; position < end; position++) {
            int digit = bytes[position] - '0';
            if (digit < 0 || digit > 9) {
                throw invalid();
            }
            if (overflow || result < limitBeforeMultiply || result * 10 < limit + digit) {
                // Keep scanning: "99999999999999999999x" is malformed, not out of range.
                overflow = true;
                continue;
            }
            result = result * 10 - digit;
        }
        return checkRange(negative ? result : -result, overflow);
    }

    private long checkRange(long value, boolean overflow) {
        if (overflow || value < minimum || value > maximum) {
            throw new ValueFormatException(StorageErrors.NUMERIC_OUT_OF_RANGE, type + " value out of range");
        }
        return value;
    }

    private ValueFormatException invalid() {
        return new ValueFormatException(StorageErrors.INVALID_TEXT_REPRESENTATION, "invalid " + type + " value");
    }
}
