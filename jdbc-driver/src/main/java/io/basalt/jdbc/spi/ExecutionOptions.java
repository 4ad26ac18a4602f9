package io.basalt.jdbc.spi;

/**
 * The settings of the JDBC statement that runs a query, as the session sees them. All are hints the
 * session should honour; the driver also enforces the row limit and the timeout itself, so a session that
 * ignores them is slower, never wrong.
 */
public final class ExecutionOptions {

    /** No fetch size, no row limit, no timeout. */
    public static final ExecutionOptions DEFAULT = new ExecutionOptions(0, 0, 0);

    private final int fetchSize;
    private final long maxRows;
    private final int queryTimeoutSeconds;

    /**
     * @param fetchSize rows the application would like per batch; 0 lets the session choose
     * @param maxRows the most rows the application will read; 0 means no limit. A session may stop
     *     producing rows after this many.
     * @param queryTimeoutSeconds the statement's timeout; 0 means none. The driver calls
     *     {@link ServerSession#cancel()} when it expires; a session may also stop the query itself.
     */
    public ExecutionOptions(int fetchSize, long maxRows, int queryTimeoutSeconds) {
        if (fetchSize < 0 || maxRows < 0 || queryTimeoutSeconds < 0) {
            throw new IllegalArgumentException("execution options must not be negative: fetchSize " + fetchSize
                    + ", maxRows " + maxRows + ", queryTimeoutSeconds " + queryTimeoutSeconds);
        }
        this.fetchSize = fetchSize;
        this.maxRows = maxRows;
        this.queryTimeoutSeconds = queryTimeoutSeconds;
    }

    public int fetchSize() {
        return fetchSize;
    }

    public long maxRows() {
        return maxRows;
    }

    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ExecutionOptions)) {
            return false;
        }
        ExecutionOptions that = (ExecutionOptions) other;
        return fetchSize == that.fetchSize && maxRows == that.maxRows && queryTimeoutSeconds == that.queryTimeoutSeconds;
    }

    @Override
    public int hashCode() {
        return (fetchSize * 31 + Long.hashCode(maxRows)) * 31 + queryTimeoutSeconds;
    }

    @Override
    public String toString() {
        return "ExecutionOptions[fetchSize=" + fetchSize + ", maxRows=" + maxRows
                + ", queryTimeoutSeconds=" + queryTimeoutSeconds + "]";
    }
}
