package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.Optional;

/**
 * An {@link SQLException} that also says where in the statement's text the problem is, so a client can
 * show a caret under it: syntax errors, unknown tables and columns, type errors of an expression. The
 * position is optional because some errors found by the same code have no place in the text.
 */
public class BasaltSQLException extends SQLException {

    private static final long serialVersionUID = 1L;

    // Kept as ints (0 = unknown) rather than an Optional field, so the exception stays serializable.
    private final int line;
    private final int column;

    public BasaltSQLException(String message, String sqlState) {
        this(message, sqlState, null, null);
    }

    public BasaltSQLException(String message, String sqlState, SqlPosition position) {
        this(message, sqlState, position, null);
    }

    public BasaltSQLException(String message, String sqlState, SqlPosition position, Throwable cause) {
        super(message, sqlState, cause);
        this.line = position == null ? 0 : position.line();
        this.column = position == null ? 0 : position.column();
    }

    /** The 1-based line and column the error points at, if it points anywhere. */
    public Optional<SqlPosition> getPosition() {
        return line == 0 ? Optional.<SqlPosition>empty() : Optional.of(new SqlPosition(line, column));
    }
}
