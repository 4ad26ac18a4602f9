package io.basalt.execution.expression;

import java.util.Arrays;

/**
 * Finds a fixed byte string in text, compiled once per needle. Needles of four bytes or more use
 * Boyer–Moore–Horspool: the byte under the needle's last position says how far the needle may jump, so
 * a search for {@code requests} looks at a fraction of the bytes. Shorter needles scan for the first byte.
 * Searching UTF-8 bytes is exact for valid UTF-8 needles: a match always starts at a character boundary.
 */
final class ByteSearch {

    private static final int SKIP_TABLE_MINIMUM = 4;

    private final byte[] needle;
    private final int[] shifts;

    ByteSearch(byte[] needle) {
        this.needle = needle.clone();
        int length = needle.length;
        if (length >= SKIP_TABLE_MINIMUM) {
            shifts = new int[256];
            Arrays.fill(shifts, length);
            for (int i = 0; i < length - 1; i++) {
                shifts[needle[i] & 0xFF] = length - 1 - i;
            }
        } else {
            shifts = null;
        }
    }

    int length() {
        return needle.length;
    }

    /** The first index of the needle in data[start, end), or -1. */
    int indexOf(byte[] data, int start, int end) {
        int length = needle.length;
        if (shifts == null) {
            return LikePattern.indexOf(data, start, end, needle, 0, length);
        }
        int last = length - 1;
        byte lastByte = needle[last];
        for (int position = start; position <= end - length; ) {
            byte current = data[position + last];
            if (current == lastByte) {
                int matched = last - 1;
                while (matched >= 0 && data[position + matched] == needle[matched]) {
                    matched--;
                }
                if (matched < 0) {
                    return position;
                }
            }
            position += shifts[current & 0xFF];
        }
        return -1;
    }
}
