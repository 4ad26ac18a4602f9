package io.basalt.storage.csv;

import io.basalt.storage.StorageException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A CSV file holds a line that cannot be loaded. The message names the place the way compilers do, so a user
 * can jump to it: {@code lineitem.tbl:1532: column 5 (l_quantity): invalid DECIMAL(15,2) value "12x"}.
 *
 * <p>The line is the 1-based physical line of the file on which the offending field starts (newlines inside
 * quoted fields count), the column is 1-based. Structural problems that belong to no column (a record too
 * long to hold) report column 0 and no column name; problems that have no offending text report none.
 */
public final class CsvFormatException extends StorageException {

    /** Longest excerpt of the offending text kept in the message, in characters. */
    static final int MAX_TEXT_LENGTH = 100;

    private final Path file;
    private final long line;
    private final int column;
    private final String columnName;
    private final String text;
    private final String problem;

    CsvFormatException(String sqlState, Path file, long line, int column, String columnName, String problem,
                       String text) {
        super(sqlState, format(file, line, column, columnName, problem, text));
        this.file = file;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.problem = problem;
        this.text = text;
    }

    public Path file() {
        return file;
    }

    /** 1-based physical line number. */
    public long line() {
        return line;
    }

    /** 1-based column number, or 0 when the problem is not tied to a column. */
    public int column() {
        return column;
    }

    /** The target column's name, or null when the problem is not tied to a named column. */
    public String columnName() {
        return columnName;
    }

    /** The offending text, truncated to about 100 characters, or null when there is none. */
    public String text() {
        return text;
    }

    /** What is wrong, without the location, e.g. {@code invalid DECIMAL(15,2) value}. */
    public String problem() {
        return problem;
    }

    /**
     * Decodes {@code bytes[start, end)} for a message: at most {@value #MAX_TEXT_LENGTH} characters (an ellipsis
     * marks the cut), malformed UTF-8 shown as U+FFFD, and line breaks spelled {@code \n}/{@code \r} so that
     * the message stays on one line.
     */
    static String excerpt(byte[] bytes, int start, int end) {
        // Four bytes per character at most, so this many bytes always cover the characters we keep.
        int limit = Math.min(end, start + MAX_TEXT_LENGTH * 4 + 4);
        String decoded = new String(bytes, start, limit - start, StandardCharsets.UTF_8);
        boolean truncated = limit < end;
        if (decoded.codePointCount(0, decoded.length()) > MAX_TEXT_LENGTH) {
            decoded = decoded.substring(0, decoded.offsetByCodePoints(0, MAX_TEXT_LENGTH));
            truncated = true;
        }
        String oneLine = decoded.replace("\r", "\\r").replace("\n", "\\n");
        return truncated ? oneLine + "…" : oneLine;
    }

    private static String format(Path file, long line, int column, String columnName, String problem, String text) {
        StringBuilder message = new StringBuilder();
        Path fileName = file.getFileName();
        message.append(fileName == null ? file.toString() : fileName.toString()).append(':').append(line).append(": ");
        if (column > 0) {
            message.append("column ").append(column);
            if (columnName != null) {
                message.append(" (").append(columnName).append(')');
            }
            message.append(": ");
        }
        message.append(problem);
        if (text != null) {
            message.append(" \"").append(text).append('"');
        }
        return message.toString();
    }
}
