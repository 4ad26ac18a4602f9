package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ExecutionResult;
import io.basalt.jdbc.spi.PreparedHandle;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.jdbc.spi.UnanalyzedPreparedHandle;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A session of a {@link FakeDatabase}: records every call and answers with the database's script. */
final class FakeSession implements ServerSession {

    private final FakeDatabase database;

    FakeSession(FakeDatabase database) {
        this.database = database;
    }

    @Override
    public ExecutionResult execute(String sql, List<Object> parameters, ExecutionOptions options) throws SQLException {
        return run(sql, parameters, options, false);
    }

    ExecutionResult run(String sql, List<Object> parameters, ExecutionOptions options, boolean prepared)
            throws SQLException {
        Execution execution = new Execution(sql, new ArrayList<>(parameters), options, prepared);
        database.executions.add(execution);
        return database.handler().handle(execution);
    }

    @Override
    public PreparedHandle prepare(String sql) {
        if (database.preparer() != null) {
            return database.preparer().apply(this, sql);
        }
        return new UnanalyzedPreparedHandle(this, sql);
    }

    @Override
    public void cancel() {
        database.recordCancel();
    }

    @Override
    public boolean isValid(int timeoutSeconds) {
        return database.isValid();
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        database.transactionCall("setAutoCommit(" + autoCommit + ")");
    }

    @Override
    public void commit() throws SQLException {
        database.transactionCall("commit");
    }

    @Override
    public void rollback() throws SQLException {
        database.transactionCall("rollback");
    }

    @Override
    public void close() {
        database.sessionsClosed.incrementAndGet();
    }
}
