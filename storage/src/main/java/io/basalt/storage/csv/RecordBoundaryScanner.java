package io.basalt.storage.csv;

/**
 * Finds where records end, so that a file can be cut into chunks that parse independently. A newline ends a
 * record unless it is inside a quoted field, and whether a byte is inside quotes depends on everything
 * before it, so this is one sequential pass over the file; it is cheap next to parsing (a few comparisons
 * per byte, no field values), which then runs on all cores.
 *
 * <p>The scanner follows exactly the quoting rules of {@link ChunkParser}: a quote opens a quoted field only
 * at the start of a field; inside, the escape (when it differs from the quote) takes the next byte
 * literally, and a quote either closes the field or, when another quote follows, stands for itself. Where
 * the text breaks those rules (a stray byte after a closing quote) the parser reports the error; the
 * scanner only has to stay in step up to that point.
 *
 * <p>State carries over between calls, so a file can be fed in pieces of any size.
 */
final class RecordBoundaryScanner {

    // The two states outside quotes come first: the scan loop tests "current <= UNQUOTED".
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** Inside quotes, just after the escape byte. */
    private static final int ESCAPED = 3;
    /** Just after a quote that ended a quoted section: a closing quote, or the first of a doubled pair. */
    private static final int AFTER_QUOTE = 4;

    private final byte delimiter;
    private final byte quote;
    private final byte escape;

    private int state = FIELD_START;
    private long newlines;
    private long newlinesAtRecordEnd;

    RecordBoundaryScanner(CsvOptions options) {
        this.delimiter = (byte) options.delimiter();
        this.quote = (byte) options.quote();
        this.escape = (byte) options.escape();
    }

    /**
     * Scans {@code bytes[from, to)} continuing from the state the previous call left, and returns the index
     * just after the last record-ending newline in that range, or -1 if no record ends there.
     */
    int scan(byte[] bytes, int from, int to) {
        int current = state;
        long newlineCount = newlines;
        int lastRecordEnd = -1;
        byte delimiterByte = delimiter;
        byte quoteByte = quote;
        byte escapeByte = escape;
        long newlinePattern = ByteSearch.broadcast((byte) '\n');
        long quotePattern = ByteSearch.broadcast(quoteByte);
        int i = from;
        while (i < to) {
            if (current <= UNQUOTED && i + Long.BYTES <= to) {
                // Outside quotes only a newline or a quote can change anything but "at a field start", and
                // that follows from the byte before: skip ordinary bytes eight at a time.
                long word = ByteSearch.word(bytes, i);
                long special = ByteSearch.matches(word, newlinePattern) | ByteSearch.matches(word, quotePattern);
                int ordinary = special == 0 ? Long.BYTES : ByteSearch.firstIndex(special);
                if (ordinary > 0) {
                    i += ordinary;
                    current = bytes[i - 1] == delimiterByte ? FIELD_START : UNQUOTED;
                    continue;
                }
            }
            byte b = bytes[i++];
            if (b == '\n') {
                newlineCount++;
                if (current == QUOTED || current == ESCAPED) {
                    current = QUOTED;
                } else {
                    current = FIELD_START;
                    lastRecordEnd = i;
                    newlinesAtRecordEnd = newlineCount;
                }
            } else if (current == QUOTED) {
                if (b == quoteByte) {
                    current = AFTER_QUOTE;
                } else if (b == escapeByte) {
                    current = ESCAPED;
                }
            } else if (current == ESCAPED) {
                current = QUOTED;
            } else if (b == delimiterByte) {
                current = FIELD_START;
            } else if (b == quoteByte && current != UNQUOTED) {
                current = QUOTED; // opens a field, or the second quote of a doubled pair
            } else {
                current = UNQUOTED;
            }
        }
        state = current;
        newlines = newlineCount;
        return lastRecordEnd;
    }

    /** True when the bytes scanned so far end inside a quoted field. */
    boolean insideQuotes() {
        return state == QUOTED || state == ESCAPED;
    }

    /** Newlines up to and including the last record end found, i.e. the lines before the next record. */
    long newlinesAtRecordEnd() {
        return newlinesAtRecordEnd;
    }
}
