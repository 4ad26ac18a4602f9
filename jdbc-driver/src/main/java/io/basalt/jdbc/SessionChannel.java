package io.basalt.jdbc;

import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.ResultBatch;
import io.basalt.jdbc.spi.ResultCursor;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.SQLException;
import java.util.List;

/**
 * The only path from the JDBC objects of one connection to its {@link ServerSession}. It serialises the
 * calls (the SPI promises a session one call at a time; a socket could not do otherwise), leaves
 * {@link #cancel()}, {@link #isValid(int)} and {@link #setNetworkTimeout(int)} unserialised so they work while a
 * statement runs, and turns a transport's runtime failure or broken contract into an {@link SQLException} instead
 * of letting it escape into the application. A call that fails with 08006 (the connection to the server is lost,
 * or its network timeout expired) tells the connection, which then counts as closed, as JDBC asks.
 */
final class SessionChannel {

    private final ServerSession session;
    private final Runnable connectionLost;
    private final Object lock = new Object();
    // The execution the session's progress counts belong to: the one started last on this connection.
    private volatile RunningQuery latestQuery;

    SessionChannel(ServerSession session, Runnable connectionLost) {
        this.session = session;
        this.connectionLost = connectionLost;
    }

    ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        return checkResult(call("execute", () -> session.execute(sql, parameters, options)));
    }

    ExecutionResult execute(PreparedHandle handle, List<Object> parameters, ExecutionOptions options)
            throws SQLException {
        return checkResult(call("execute", () -> handle.execute(parameters, options)));
    }

    /** The handle's whole-batch execution; null when the session runs batches one set at a time. */
    long[] executeBatch(PreparedHandle handle, List<List<Object>> parameterSets, ExecutionOptions options)
            throws SQLException {
        long[] counts = call("executeBatch", () -> handle.executeBatch(parameterSets, options));
        if (counts != null && counts.length != parameterSets.size()) {
            throw contractBroken("executeBatch returned " + counts.length + " counts for " + parameterSets.size()
                    + " parameter sets");
        }
        return counts;
    }

    PreparedHandle prepare(String sql) throws SQLException {
        PreparedHandle handle = call("prepare", () -> session.prepare(sql));
        if (handle == null) {
            throw contractBroken("prepare returned no handle");
        }
        return handle;
    }

    ResultBatch nextBatch(ResultCursor cursor) throws SQLException {
        return call("nextBatch", cursor::nextBatch);
    }

    void close(ResultCursor cursor) throws SQLException {
        call("closing a cursor", () -> {
            cursor.close();
            return null;
        });
    }

    void close(PreparedHandle handle) throws SQLException {
        call("closing a prepared statement", () -> {
            handle.close();
            return null;
        });
    }

    void setAutoCommit(boolean autoCommit) throws SQLException {
        call("setAutoCommit", () -> {
            session.setAutoCommit(autoCommit);
            return null;
        });
    }

    void commit() throws SQLException {
        call("commit", () -> {
            session.commit();
            return null;
        });
    }

    void rollback() throws SQLException {
        call("rollback", () -> {
            session.rollback();
            return null;
        });
    }

    /** Not serialised: it must reach the session while another thread waits in a call. */
    void cancel() throws SQLException {
        try {
            session.cancel();
        } catch (RuntimeException e) {
            throw transportBug("cancel", e);
        }
    }

    void started(RunningQuery query) {
        latestQuery = query;
    }

    /** Whether the session's progress counts are {@code query}'s: no later execution has started on the connection. */
    boolean isLatest(RunningQuery query) {
        return latestQuery == query;
    }

    /** Not serialised: progress is asked for while another thread waits in a call. Null when the session cannot tell. */
    ProgressReport progress() throws SQLException {
        try {
            return session.progress();
        } catch (RuntimeException e) {
            throw transportBug("progress", e);
        }
    }

    /** Not serialised, so a connection pool can check a connection that is busy. */
    boolean isValid(int timeoutSeconds) throws SQLException {
        try {
            return session.isValid(timeoutSeconds);
        } catch (RuntimeException e) {
            throw transportBug("isValid", e);
        }
    }

    /** Not serialised: it changes how long the running call may wait, as JDBC allows. */
    void setNetworkTimeout(int milliseconds) throws SQLException {
        try {
            session.setNetworkTimeout(milliseconds);
        } catch (RuntimeException e) {
            throw transportBug("setNetworkTimeout", e);
        }
    }

    void close() throws SQLException {
        synchronized (lock) {
            try {
                session.close();
            } catch (RuntimeException e) {
                throw transportBug("close", e);
            }
        }
    }

    /** One serialised call of the session. */
    private <T> T call(String name, SessionCall<T> call) throws SQLException {
        synchronized (lock) {
            try {
                return call.run();
            } catch (RuntimeException e) {
                throw transportBug(name, e);
            } catch (SQLException e) {
                if (SqlStates.CONNECTION_FAILURE.equals(e.getSQLState())) {
                    connectionLost.run();
                }
                throw e;
            }
        }
    }

    private interface SessionCall<T> {
        T run() throws SQLException;
    }

    private static ExecutionResult checkResult(ExecutionResult result) throws SQLException {
        if (result == null) {
            throw contractBroken("execute returned no result");
        }
        return result;
    }

    private static SQLException contractBroken(String what) {
        return SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "the Basalt transport broke its contract: " + what);
    }

    private static SQLException transportBug(String call, RuntimeException e) {
        return SqlExceptionFactory.create(SqlStates.INTERNAL_ERROR,
                "internal error in the Basalt transport during " + call + ": " + e, e);
    }
}
