package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.BasaltSQLException;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlPosition;

import java.sql.SQLException;
import java.sql.SQLWarning;

/** ERROR and WARNING messages: SQLSTATE, message, and for errors the 1-based line and column (0 when none). */
public final class ErrorCodec {

    private ErrorCodec() {
    }

    public static MessageWriter error(String sqlState, String message, int line, int column) {
        return new MessageWriter(MessageTypes.ERROR).putString(sqlState).putString(message)
                .putInt(Math.max(0, line)).putInt(Math.max(0, column));
    }

    /** An exception as an ERROR message, keeping the position of a {@link BasaltSQLException}. */
    public static MessageWriter error(SQLException exception) {
        int line = 0;
        int column = 0;
        if (exception instanceof BasaltSQLException && ((BasaltSQLException) exception).getPosition().isPresent()) {
            SqlPosition position = ((BasaltSQLException) exception).getPosition().get();
            line = position.line();
            column = position.column();
        }
        String state = exception.getSQLState() == null ? "XX000" : exception.getSQLState();
        String message = exception.getMessage() == null ? exception.toString() : exception.getMessage();
        return error(state, message, line, column);
    }

    public static SQLException readError(MessageReader reader) throws ProtocolException {
        String state = reader.getRequiredString("the SQLSTATE");
        String message = reader.getRequiredString("the message");
        int line = reader.getInt();
        int column = reader.getInt();
        reader.expectEnd();
        if (line > 0) {
            return SqlExceptionFactory.atPosition(state, message, line, Math.max(1, column));
        }
        return SqlExceptionFactory.create(state, message);
    }

    public static MessageWriter warning(SQLWarning warning) {
        return new MessageWriter(MessageTypes.WARNING).putString(warning.getSQLState() == null ? "01000" : warning.getSQLState())
                .putString(warning.getMessage());
    }

    public static SQLWarning readWarning(MessageReader reader) throws ProtocolException {
        String state = reader.getRequiredString("the SQLSTATE");
        String message = reader.getString();
        reader.expectEnd();
        return new SQLWarning(message, state);
    }
}
