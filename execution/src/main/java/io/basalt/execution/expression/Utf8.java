package io.basalt.execution.expression;

/**
 * Code-point navigation in UTF-8 bytes. A byte starts a code point unless it is a continuation byte
 * ({@code 10xxxxxx}), so counting and skipping characters needs no decoding; text is assumed to be valid
 * UTF-8, which storage and the parsers guarantee.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    static int codePointCount(byte[] data, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            count += (data[i] & 0xC0) != 0x80 ? 1 : 0;
        }
        return count;
    }

    /** The byte offset after skipping {@code count} code points from {@code start}, at most {@code end}. */
    static int skipCodePoints(byte[] data, int start, int end, long count) {
        int position = start;
        for (long skipped = 0; skipped < count && position < end; skipped++) {
            position += sequenceLength(data[position]);
        }
        return Math.min(position, end);
    }

    /** Bytes of the code point starting with {@code lead}. */
    static int sequenceLength(byte lead) {
        int unsigned = lead & 0xFF;
        if (unsigned < 0x80) {
            return 1;
        }
        if (unsigned < 0xE0) {
            return 2;
        }
        return unsigned < 0xF0 ? 3 : 4;
    }

    /** The code point starting at {@code position}. */
    static int decode(byte[] data, int position) {
        int lead = data[position] & 0xFF;
        if (lead < 0x80) {
            return lead;
        }
        if (lead < 0xE0) {
            return ((lead & 0x1F) << 6) | (data[position + 1] & 0x3F);
        }
        if (lead < 0xF0) {
            return ((lead & 0x0F) << 12) | ((data[position + 1] & 0x3F) << 6) | (data[position + 2] & 0x3F);
        }
        return ((lead & 0x07) << 18) | ((data[position + 1] & 0x3F) << 12) | ((data[position + 2] & 0x3F) << 6)
                | (data[position + 3] & 0x3F);
    }

    static boolean isAscii(byte[] data, int start, int end) {
        for (int i = start; i < end; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
