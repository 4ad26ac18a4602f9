package io.basalt.storage.csv;

/**
 * Blanks around non-text values are tolerated, as in PostgreSQL ({@code " 42 "} is a valid INTEGER); text
 * values keep theirs. These helpers narrow a field to its non-blank part without copying.
 */
final class Whitespace {

    private Whitespace() {
    }

    static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == 0x0B;
    }

    /** The first index in {@code [start, end)} that is not blank, or {@code end}. */
    static int skipLeading(byte[] bytes, int start, int end) {
        while (start < end && isBlank(bytes[start])) {
            start++;
        }
        return start;
    }

    /** One past the last index in {@code [start, end)} that is not blank, or {@code start}. */
    static int skipTrailing(byte[] bytes, int start, int end) {
        while (end > start && isBlank(bytes[end - 1])) {
            end--;
        }
        return end;
    }
}
