package io.basalt.jdbc.spi;

import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;

/**
 * Builds the {@link SQLException}s Basalt reports, so the driver and the transports agree on the JDBC
 * subclass of each SQLSTATE class: client tools branch on {@link SQLDataException},
 * {@link SQLSyntaxErrorException} and the others, not only on the state.
 */
public final class SqlExceptionFactory {

    private SqlExceptionFactory() {
    }

    /** An exception of the JDBC subclass that matches {@code sqlState}'s class. */
    public static SQLException create(String sqlState, String message) {
        return create(sqlState, message, null);
    }

    /** An exception of the JDBC subclass that matches {@code sqlState}'s class, caused by {@code cause}. */
    public static SQLException create(String sqlState, String message, Throwable cause) {
        String stateClass = sqlState == null || sqlState.length() < 2 ? "" : sqlState.substring(0, 2);
        switch (stateClass) {
            case "0A":
                return new SQLFeatureNotSupportedException(message, sqlState, cause);
            case "08":
                return new SQLNonTransientConnectionException(message, sqlState, cause);
            case "22":
                return new SQLDataException(message, sqlState, cause);
            case "23":
                return new SQLIntegrityConstraintViolationException(message, sqlState, cause);
            case "28":
                return new SQLInvalidAuthorizationSpecException(message, sqlState, cause);
            case "40":
                return new SQLTransactionRollbackException(message, sqlState, cause);
            case "42":
                return new SQLSyntaxErrorException(message, sqlState, cause);
            default:
                return new SQLException(message, sqlState, cause);
        }
    }

    /**
     * An error that points into the statement's text ({@code line} and {@code column} 1-based), such as
     * a syntax error ({@link SqlStates#SYNTAX_ERROR}) or an unknown column ({@link SqlStates#UNDEFINED_COLUMN}).
     */
    public static BasaltSQLException atPosition(String sqlState, String message, int line, int column) {
        return new BasaltSQLException(message, sqlState, new SqlPosition(line, column));
    }

    /** Something Basalt does not do; the message says what. */
    public static SQLFeatureNotSupportedException notSupported(String message) {
        return new SQLFeatureNotSupportedException(message, SqlStates.FEATURE_NOT_SUPPORTED);
    }

    /** The statement was canceled while running. */
    public static SQLException queryCanceled(String message) {
        return new SQLException(message, SqlStates.QUERY_CANCELED);
    }
}
