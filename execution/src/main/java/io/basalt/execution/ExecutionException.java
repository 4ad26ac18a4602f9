package io.basalt.execution;

/**
 * A query failed while running: a runtime error of SQL (division by zero, overflow, invalid cast), the
 * memory budget, or cancellation. The SQLSTATE tells the client which; the database stays healthy.
 */
public class ExecutionException extends RuntimeException {

    public static final String DIVISION_BY_ZERO = "22012";
    public static final String NUMERIC_OUT_OF_RANGE = "22003";
    public static final String INVALID_TEXT_REPRESENTATION = "22P02";
    public static final String INVALID_DATETIME_FORMAT = "22007";
    public static final String STRING_TOO_LONG = "22001";
    public static final String OUT_OF_MEMORY = "53200";
    public static final String DISK_FULL = "53100";
    public static final String IO_ERROR = "58030";
    public static final String DATA_CORRUPTED = "XX001";
    public static final String QUERY_CANCELED = "57014";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String CARDINALITY_VIOLATION = "21000";
    public static final String PROGRAM_LIMIT_EXCEEDED = "54001";
    public static final String INTERNAL_ERROR = "XX000";

    private final String sqlState;

    public ExecutionException(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    public ExecutionException(String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    public String sqlState() {
        return sqlState;
    }
}
