package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.type.LogicalType;

import java.util.Locale;

/**
 * Checks VARCHAR(n), CHAR(n) and TEXT values: the bytes must be well-formed UTF-8 (22021 otherwise) and hold
 * at most n characters, counted in code points (22001 otherwise). As in PostgreSQL, characters beyond n that
 * are all spaces are cut off silently rather than failing. CHAR(n) values are stored as given, without
 * padding to n: trailing spaces carry no meaning for CHAR, so the shorter form saves space and compares
 * the same.
 */
final class TextParser {

    private final LogicalType type;
    private final int maxLength;

    TextParser(LogicalType type) {
        this.type = type;
        this.maxLength = type.isBoundedLength() ? type.length() : Integer.MAX_VALUE;
    }

    /**
     * Validates {@code bytes[start, end)} and returns the end of the value to store: {@code end}, or earlier
     * when excess trailing spaces were cut.
     */
    int validate(byte[] bytes, int start, int end) {
        int asciiEnd = skipAscii(bytes, start, end);
        if (asciiEnd == end) {
            if (end - start <= maxLength) {
                return end;
            }
            return cutTrailingSpaces(bytes, start + maxLength, end);
        }
        int characters = (asciiEnd - start) + countCodePoints(bytes, asciiEnd, end);
        if (characters <= maxLength) {
            return end;
        }
        int cut = offsetAfterCodePoints(bytes, start, maxLength);
        return cutTrailingSpaces(bytes, cut, end);
    }

    private int cutTrailingSpaces(byte[] bytes, int cut, int end) {
        for (int i = cut; i < end; i++) {
            if (bytes[i] != ' ') {
                throw new ValueFormatException(StorageErrors.STRING_TOO_LONG, "value too long for type " + type);
            }
        }
        return cut;
    }

    /** The first index in {@code [start, end)} holding a non-ASCII byte, or {@code end}; 8 bytes at a time. */
    static int skipAscii(byte[] bytes, int start, int end) {
        int position = start;
        while (position + Long.BYTES <= end && (ByteSearch.word(bytes, position) & ByteSearch.HIGH_BITS) == 0) {
            position += Long.BYTES;
        }
        while (position < end && bytes[position] >= 0) {
            position++;
        }
        return position;
    }

    /** Counts the code points of well-formed UTF-8, or throws 22021 naming the first malformed sequence. */
    static int countCodePoints(byte[] bytes, int start, int end) {
        int count = 0;
        int position = start;
        while (position < end) {
            int lead = bytes[position] & 0xFF;
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead < 0x80) {
                length = 1;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                if (lead == 0xE0) {
                    secondMin = 0xA0; // shorter forms are overlong
                } else if (lead == 0xED) {
                    secondMax = 0x9F; // U+D800..U+DFFF are surrogates, not characters
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                if (lead == 0xF0) {
                    secondMin = 0x90;
                } else if (lead == 0xF4) {
                    secondMax = 0x8F; // beyond U+10FFFF
                }
            } else {
                throw malformed(bytes, position, end, 1);
            }
            if (length > 1) {
                if (position + length > end) {
                    throw malformed(bytes, position, end, length);
                }
                int second = bytes[position + 1] & 0xFF;
                if (second < secondMin || second > secondMax) {
                    throw malformed(bytes, position, end, length);
                }
                for (int i = 2; i < length; i++) {
                    if ((bytes[position + i] & 0xC0) != 0x80) {
                        throw malformed(bytes, position, end, length);
                    }
                }
            }
            position += length;
            count++;
        }
        return count;
    }

    /** The offset after the first {@code codePoints} characters of well-formed UTF-8 starting at {@code start}. */
    static int offsetAfterCodePoints(byte[] bytes, int start, int codePoints) {
        int position = start;
        for (int i = 0; i < codePoints; i++) {
            int lead = bytes[position] & 0xFF;
            position += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        }
        return position;
    }

    /** PostgreSQL's wording: {@code invalid byte sequence for encoding "UTF8": 0xc3 0x28}. */
    private static ValueFormatException malformed(byte[] bytes, int position, int end, int length) {
        StringBuilder message = new StringBuilder("invalid byte sequence for encoding \"UTF8\":");
        for (int i = position; i < Math.min(end, position + length); i++) {
            message.append(String.format(Locale.ROOT, " 0x%02x", bytes[i] & 0xFF));
        }
        return new ValueFormatException(StorageErrors.CHARACTER_NOT_IN_REPERTOIRE, message.toString());
    }
}
