package io.basalt.server.embedded;

import io.basalt.execution.progress.ProgressSnapshot;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.server.Session;

import java.sql.SQLException;
import java.util.List;

/** The driver's view of one in-process {@link Session}. */
final class EmbeddedServerSession implements ServerSession {

    private final Runnable release;
    private final Session session;
    private volatile boolean closed;

    /** A driver session over {@code session}; {@code release} runs once when it closes. */
    EmbeddedServerSession(Session session, Runnable release) {
        this.release = release;
        this.session = session;
    }

    @Override
    public ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        try {
            return EmbeddedResults.result(session.execute(sql, EmbeddedResults.values(parameters)));
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    /** Parses and plans now: errors in the text, parameter types and result columns are known before it runs. */
    @Override
    public PreparedHandle prepare(String sql) throws SQLException {
        try {
            return new EmbeddedPreparedHandle(session.prepare(sql));
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    /** Read from the session's atomic counters: no lock, so it answers while a statement runs on another thread. */
    @Override
    public ProgressReport progress() {
        ProgressSnapshot progress = session.progress();
        return new ProgressReport(progress.rowsScanned(), progress.rowsTotal(), progress.bytesScanned(),
                progress.pipelinesFinished(), progress.pipelinesTotal());
    }

    @Override
    public boolean isValid(int timeoutSeconds) {
        return !closed;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        try {
            session.setAutoCommit(autoCommit);
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    @Override
    public void commit() throws SQLException {
        try {
            session.commit();
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try {
            session.rollback();
        } catch (RuntimeException e) {
            throw EmbeddedResults.error(e);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
            release.run();
        }
    }
}
