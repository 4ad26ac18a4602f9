package io.basalt.server;

import java.util.OptionalInt;

/**
 * A statement failed: the one error type a {@link Session} reports, whatever layer found the problem
 * (parser, planner, storage, executor). It carries the SQLSTATE, a message for a person, and — for errors
 * tied to a place in the statement — the 1-based line and column in the text the client sent.
 */
public class StatementException extends RuntimeException {

    private final String sqlState;
    private final int line;
    private final int column;

    public StatementException(String sqlState, String message) {
        this(sqlState, message, -1, -1, null);
    }

    public StatementException(String sqlState, String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.line = line;
        this.column = column;
    }

    public String sqlState() {
        return sqlState;
    }

    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }

    public OptionalInt column() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    public static StatementException notSupported(String what) {
        return new StatementException("0A000", "not supported yet: " + what);
    }
}
