package io.basalt.jdbc.spi;

import java.sql.SQLWarning;

/**
 * What one statement produced: either a count of changed rows (DML; 0 for DDL and utility statements) or a
 * {@link ResultCursor} over rows, plus any warnings.
 */
public final class ExecutionResult {

    private final long updateCount;
    private final ResultCursor cursor;
    private final SQLWarning warnings;

    private ExecutionResult(long updateCount, ResultCursor cursor, SQLWarning warnings) {
        this.updateCount = updateCount;
        this.cursor = cursor;
        this.warnings = warnings;
    }

    /** A statement that changed {@code count} rows (0 for statements that change none, such as DDL). */
    public static ExecutionResult updateCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("update count must not be negative: " + count);
        }
        return new ExecutionResult(count, null, null);
    }

    /** A statement that returns rows; the driver reads them from {@code cursor} as the application asks. */
    public static ExecutionResult rows(ResultCursor cursor) {
        if (cursor == null) {
            throw new IllegalArgumentException("cursor is required");
        }
        return new ExecutionResult(-1, cursor, null);
    }

    /** The same result with {@code warning} (and the warnings chained to it) attached. */
    public ExecutionResult withWarnings(SQLWarning warning) {
        return new ExecutionResult(updateCount, cursor, warning);
    }

    public boolean hasRows() {
        return cursor != null;
    }

    /** The update count, or -1 when the result is rows. */
    public long updateCount() {
        return updateCount;
    }

    /** The rows, or null when the result is an update count. */
    public ResultCursor cursor() {
        return cursor;
    }

    /** The first warning of the chain, or null. */
    public SQLWarning warnings() {
        return warnings;
    }
}
