package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;

/**
 * Parses BOOLEAN text: {@code true/false, t/f, yes/no, y/n, on/off, 1/0} in any case, blanks around
 * tolerated (PostgreSQL's spellings).
 */
final class BooleanParser {

    private BooleanParser() {
    }

    static boolean parse(byte[] bytes, int start, int end) {
        start = Whitespace.skipLeading(bytes, start, end);
        end = Whitespace.skipTrailing(bytes, start, end);
        if (end - start == 1) {
            byte only = bytes[start];
            if (only == '1') {
                return true;
            }
            if (only == '0') {
                return false;
            }
        }
        if (matches(bytes, start, end, "true") || matches(bytes, start, end, "t")
                || matches(bytes, start, end, "y") || matches(bytes, start, end, "yes") || matches(bytes, start, end, "on")) {
            return true;
        }
        if (matches(bytes, start, end, "false") || matches(bytes, start, end, "f")
                || matches(bytes, start, end, "n") || matches(bytes, start, end, "no") || matches(bytes, start, end, "off")) {
            return false;
        }
        throw invalid();
    }

    private static boolean matches(byte[] bytes, int start, int end, String expected) {
        return FloatingPointParser.matchesIgnoringCase(bytes, start, end, expected);
    }

    private static ValueFormatException invalid() {
        return new ValueFormatException(StorageErrors.INVALID_TEXT_REPRESENTATION,
                "invalid " + LogicalType.BOOLEAN + " value");
    }
}
