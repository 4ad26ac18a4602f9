package io.basalt.parser;

import io.basalt.parser.ast.ScriptPosition;
import java.util.Objects;

/**
 * A statement that Basalt cannot accept, with a PostgreSQL SQLSTATE and the position in the original
 * script (not in the statement) where the problem was found. The message follows PostgreSQL's wording,
 * e.g. {@code syntax error at or near "SELEC"}, and does not repeat the position.
 */
public final class ParseException extends RuntimeException {

    /** syntax_error: the usual SQLSTATE of this exception. */
    public static final String SYNTAX_ERROR = "42601";

    private final String sqlState;
    private final ScriptPosition position;

    public ParseException(String sqlState, String message, ScriptPosition position) {
        super(message);
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
        this.position = Objects.requireNonNull(position, "position");
    }

    public String sqlState() {
        return sqlState;
    }

    public ScriptPosition position() {
        return position;
    }

    /** 1-based line in the original script. */
    public int line() {
        return position.line();
    }

    /** 1-based column (in characters) in the original script. */
    public int column() {
        return position.column();
    }

    /** 0-based character offset in the original script. */
    public int offset() {
        return position.offset();
    }
}
