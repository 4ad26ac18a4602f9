package io.basalt.server.embedded;

import io.basalt.execution.ExecutionException;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.UnanalyzedPreparedHandle;
import io.basalt.server.Session;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;

import java.sql.SQLException;
import java.util.List;

/** The driver's view of one in-process {@link Session}. */
final class EmbeddedServerSession implements ServerSession {

    private final DatabaseRegistry.Handle database;
    private final Session session;
    private volatile boolean closed;

    EmbeddedServerSession(DatabaseRegistry.Handle database) {
        this.database = database;
        this.session = database.database().newSession();
    }

    @Override
    public ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        if (!parameters.isEmpty()) {
            throw SqlExceptionFactory.notSupported("not supported yet: statement parameters ('?') in embedded mode");
        }
        try {
            StatementResult result = session.execute(sql);
            if (result instanceof StatementResult.Rows rows) {
                return ExecutionResult.rows(new StreamCursor(rows.rows()));
            }
            return ExecutionResult.updateCount(((StatementResult.RowCount) result).count());
        } catch (StatementException e) {
            if (e.line().isPresent()) {
                throw SqlExceptionFactory.atPosition(e.sqlState(), e.getMessage(), e.line().getAsInt(), e.column().orElse(1));
            }
            throw SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        } catch (ExecutionException e) {
            throw SqlExceptionFactory.create(e.sqlState(), e.getMessage(), e);
        } catch (RuntimeException e) {
            throw SqlExceptionFactory.create("XX000", "internal error: " + e, e);
        }
    }

    @Override
    public PreparedHandle prepare(String sql) {
        return new UnanalyzedPreparedHandle(this, sql);
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public boolean isValid(int timeoutSeconds) {
        return !closed;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        if (!autoCommit) {
            throw SqlExceptionFactory.notSupported("not supported yet: explicit transactions (auto-commit off)");
        }
    }

    @Override
    public void commit() {
        // auto-commit: every statement has committed already
    }

    @Override
    public void rollback() throws SQLException {
        throw SqlExceptionFactory.notSupported("not supported yet: rollback (every statement commits on its own)");
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            session.close();
            database.release();
        }
    }
}
