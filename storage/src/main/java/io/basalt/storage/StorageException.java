package io.basalt.storage;

/**
 * Every failure storage reports to its callers. The SQLSTATE lets the layers above (JDBC, the shell) show a
 * standard error class without parsing messages.
 */
public class StorageException extends RuntimeException {

    private final String sqlState;

    public StorageException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public StorageException(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The five-character SQLSTATE, e.g. {@code XX001} for corrupted data. */
    public String sqlState() {
        return sqlState;
    }
}
