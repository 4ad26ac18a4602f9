package io.basalt.jdbc.spi;

import java.sql.SQLException;
import java.util.List;

/**
 * One connection's conversation with a Basalt database: the server side of a {@link java.sql.Connection}.
 *
 * <h2>Threading</h2>
 * The driver makes at most one call at a time on a session and on the cursors and prepared handles it
 * returned: {@link #execute}, {@link #prepare}, the transaction hooks, {@link #close()},
 * {@link ResultCursor#nextBatch()} and {@link ResultCursor#close()} are serialised by the connection.
 * Only {@link #cancel()}, {@link #progress()} and {@link #isValid(int)} may arrive from another thread while such a call runs.
 *
 * <h2>Errors</h2>
 * Every failure is an {@link SQLException} with a SQLSTATE (see {@link SqlStates}) and a message meant for
 * the user, without a stack trace in it. Errors that point into the statement text (syntax errors, unknown
 * names) are {@link BasaltSQLException}s carrying the 1-based line and column. A {@link RuntimeException}
 * escaping a session is treated by the driver as a bug of the transport (SQLSTATE XX000).
 */
public interface ServerSession extends AutoCloseable {

    /**
     * Runs one statement.
     *
     * @param sql the statement text, exactly as the application wrote it ({@code ?} marks parameters)
     * @param parameters one value per {@code ?}, in order; each is {@code null} (an untyped NULL), a
     *     {@link TypedNull}, {@link Boolean}, {@link Long}, {@link Integer}, {@link Short}, {@link Byte},
     *     {@link java.math.BigDecimal}, {@link Double}, {@link Float}, {@link String},
     *     {@link java.time.LocalDate}, {@link java.time.LocalTime} or {@link java.time.LocalDateTime}
     *     (a {@code LocalTime}/{@code LocalDateTime} may carry nanoseconds; Basalt keeps microseconds).
     *     The driver converts every other Java type before calling, or refuses it. The list may be
     *     empty; it is never null.
     * @param options fetch size, row limit and timeout of the calling statement
     * @return an update count, or a cursor over rows that the driver reads lazily
     */
    ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException;

    /**
     * Prepares a statement for repeated execution. A session that does not analyse statements ahead of
     * time returns {@code new UnanalyzedPreparedHandle(this, sql)}; errors in the text then surface when
     * it runs. Never returns null.
     */
    PreparedHandle prepare(String sql) throws SQLException;

    /**
     * Cancels what this session is running: an {@link #execute} in progress on another thread, and any
     * open cursor that is still producing rows. The interrupted call throws an SQLException with SQLSTATE
     * 57014 (query canceled). Does nothing when nothing runs. Must return promptly and may be called from
     * any thread, including while another call on this session is in progress.
     */
    void cancel() throws SQLException;

    /**
     * How far the session's latest statement has got: while it runs (from another thread, like {@link #cancel()}),
     * and its final counts once it ended, until the next one starts. Must return promptly. {@code null} when the
     * session cannot tell (a server that predates progress reports): the driver then knows only the time elapsed.
     */
    default ProgressReport progress() throws SQLException {
        return null;
    }

    /** Whether the session can still run statements, answered within {@code timeoutSeconds} (0: no limit). */
    boolean isValid(int timeoutSeconds) throws SQLException;

    /**
     * How long a call may wait for the server's answer, in milliseconds (0: forever); JDBC's
     * {@code Connection.setNetworkTimeout}. A transport over a network fails a call that waits longer with SQLSTATE
     * 08006 and is then broken for good. May be called from any thread. The default does nothing: a session without a
     * network has nothing to time out.
     */
    default void setNetworkTimeout(int milliseconds) throws SQLException {
    }

    /**
     * Switches auto-commit. Switching it off starts a transaction that lasts until {@link #commit()} or
     * {@link #rollback()}; switching it on commits the open transaction. The driver calls this only when the
     * mode changes. Sessions start in auto-commit mode. A session without transactions throws
     * {@link java.sql.SQLFeatureNotSupportedException}.
     */
    void setAutoCommit(boolean autoCommit) throws SQLException;

    /** Commits the open transaction; called only while auto-commit is off. */
    void commit() throws SQLException;

    /** Rolls the open transaction back; called only while auto-commit is off. */
    void rollback() throws SQLException;

    /**
     * Ends the session: closes its cursors and prepared handles, rolls back an open transaction and frees
     * what it holds. Called once by the driver; must not throw for a session that is already broken.
     */
    @Override
    void close() throws SQLException;
}
