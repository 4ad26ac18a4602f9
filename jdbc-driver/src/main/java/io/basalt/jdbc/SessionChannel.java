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
 * {@link #cancel()} and {@link #isValid(int)} unserialised so they work while a statement runs, and turns
 * a transport's runtime failure or broken contract into an {@link SQLException} instead of letting it
 * escape into the application.
 */
final class SessionChannel {

    private final ServerSession session;
    private final Object lock = new Object();
    // The execution the session's progress counts belong to: the one started last on this connection.
    private volatile RunningQuery latestQuery;

    SessionChannel(ServerSession session) {
        this.session = session;
    }

    ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        synchronized (lock) {
            try {
                return checkResult(session.execute(sql, parameters, options));
            } catch (RuntimeException e) {
                throw transportBug("execute", e);
            }
        }
    }

    ExecutionResult execute(PreparedHandle handle, List<Object> parameters, ExecutionOptions options)
            throws SQLException {
        synchronized (lock) {
            try {
                return checkResult(handle.execute(parameters, options));
            } catch (RuntimeException e) {
                throw transportBug("execute", e);
            }
        }
    }

    /** The handle's whole-batch execution; null when the session runs batches one set at a time. */
    long[] executeBatch(PreparedHandle handle, List<List<Object>> parameterSets, ExecutionOptions options)
            throws SQLException {
        synchronized (lock) {
            long[] counts;
            try {
                counts = handle.executeBatch(parameterSets, options);
            } catch (RuntimeException e) {
                throw transportBug("executeBatch", e);
            }
            if (counts != null && counts.length != parameterSets.size()) {
                throw contractBroken("executeBatch returned " + counts.length + " counts for " + parameterSets.size()
                        + " parameter sets");
            }
            return counts;
        }
    }

    PreparedHandle prepare(String sql) throws SQLException {
        synchronized (lock) {
            PreparedHandle handle;
            try {
                handle = session.prepare(sql);
            } catch (RuntimeException e) {
                throw transportBug("prepare", e);
            }
            if (handle == null) {
                throw contractBroken("prepare returned no handle");
            }
            return handle;
        }
    }

    ResultBatch nextBatch(ResultCursor cursor) throws SQLException {
        synchronized (lock) {
            try {
                return cursor.nextBatch();
            } catch (RuntimeException e) {
                throw transportBug("nextBatch", e);
            }
        }
    }

    void close(ResultCursor cursor) throws SQLException {
        synchronized (lock) {
            try {
                cursor.close();
            } catch (RuntimeException e) {
                throw transportBug("closing a cursor", e);
            }
        }
    }

    void close(PreparedHandle handle) throws SQLException {
        synchronized (lock) {
            try {
                handle.close();
            } catch (RuntimeException e) {
                throw transportBug("closing a prepared statement", e);
            }
        }
    }

    void setAutoCommit(boolean autoCommit) throws SQLException {
        synchronized (lock) {
            try {
                session.setAutoCommit(autoCommit);
            } catch (RuntimeException e) {
                throw transportBug("setAutoCommit", e);
            }
        }
    }

    void commit() throws SQLException {
        synchronized (lock) {
            try {
                session.commit();
            } catch (RuntimeException e) {
                throw transportBug("commit", e);
            }
        }
    }

    void rollback() throws SQLException {
        synchronized (lock) {
            try {
                session.rollback();
            } catch (RuntimeException e) {
                throw transportBug("rollback", e);
            }
        }
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

    void close() throws SQLException {
        synchronized (lock) {
            try {
                session.close();
            } catch (RuntimeException e) {
                throw transportBug("close", e);
            }
        }
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
