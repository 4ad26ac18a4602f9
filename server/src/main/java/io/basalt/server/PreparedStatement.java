package io.basalt.server;

import io.basalt.execution.plan.Column;
import io.basalt.server.query.ParameterBinding;
import io.basalt.server.query.Prepared;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.type.LogicalType;

import io.basalt.server.system.QueryLog;
import io.basalt.server.system.StatementLogging;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A statement prepared by a {@link Session} ({@link Session#prepare}): parsed once, planned once when it is a query,
 * an INSERT or an EXPLAIN, and run any number of times with values for its {@code ?} parameters. The plan is kept
 * until the catalog it was planned against changes (a table created, dropped or altered, or a scanned table's size
 * changing by more than a factor of 2); then the next execution plans again.
 *
 * <p>Parameter values are Java objects: {@code null}, {@code Boolean}, {@code Byte}, {@code Short}, {@code Integer},
 * {@code Long}, {@code BigDecimal}, {@code Float}, {@code Double}, {@code String}, {@code LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}; each is converted to its parameter's type by SQL's CAST rules (text
 * longer than a bounded type fails with 22001 rather than being cut). Errors are {@link StatementException}s; a
 * value that does not convert names its parameter ({@code parameter $2: …}), a wrong number of values is 07001.
 *
 * <p>Belongs to its session: not thread-safe, and used only while the session is open.
 */
public final class PreparedStatement implements AutoCloseable {

    private final Session session;
    private final String sql;
    private final Prepared prepared;
    private final Optional<String> writingCommand;
    private boolean closed;

    PreparedStatement(Session session, String sql, Prepared prepared, Optional<String> writingCommand) {
        this.session = session;
        this.sql = sql;
        this.prepared = prepared;
        this.writingCommand = writingCommand;
    }

    public String sql() {
        return sql;
    }

    /** The type of each parameter, in text order, as inferred from its context. */
    public List<LogicalType> parameterTypes() {
        return prepared.parameterTypes();
    }

    /** The result's columns: an empty list when the statement returns no rows, empty when known only once it runs. */
    public Optional<List<Column>> resultColumns() {
        return prepared.resultColumns();
    }

    /** Runs the statement with one value per parameter. */
    public StatementResult execute(List<?> parameters) {
        return execute(parameters, session.logStatement(sql));
    }

    /** Runs the statement, its query log entry started already (by a session that logged the preparing too). */
    StatementResult execute(List<?> parameters, QueryLog.Entry logged) {
        checkOpen();
        StatementResult result;
        try {
            result = StatementFailures.translated(() -> {
                session.beforeStatement(prepared.endsTransaction(), writingCommand);
                ParameterBinding.checkCount(parameters, prepared.parameterTypes());
                AtomicBoolean cancelled = session.startStatement();
                return prepared.execute(parameters, session.settings(), cancelled, session.progressTracker());
            });
        } catch (RuntimeException e) {
            logged.failed(e);
            session.statementFailed();
            throw e;
        }
        return StatementLogging.tracked(result, logged);
    }

    /** Whether {@link #executeBatch} can run a whole batch as one unit; otherwise run the sets one by one. */
    public boolean runsBatches() {
        return prepared.runsBatches();
    }

    /**
     * Runs the statement once per parameter set, all in one transaction: every set takes effect, or on an error
     * none does. Returns each set's update count. Only for statements that {@link #runsBatches()}.
     */
    public long[] executeBatch(List<? extends List<?>> parameterSets) {
        checkOpen();
        if (!prepared.runsBatches()) {
            throw new IllegalStateException("this statement runs its parameter sets one by one");
        }
        if (parameterSets.isEmpty()) {
            return new long[0];
        }
        QueryLog.Entry logged = session.logStatement(sql);
        try {
            long[] counts = StatementFailures.translated(() -> {
                session.beforeStatement(false, writingCommand);
                return prepared.executeBatch(parameterSets, session.settings(), session.startStatement());
            });
            logged.addRows(java.util.Arrays.stream(counts).sum());
            logged.finished();
            return counts;
        } catch (RuntimeException e) {
            logged.failed(e);
            session.statementFailed();
            throw e;
        }
    }

    /** How many times the statement was planned so far (1 after preparing a query until its catalog changes). */
    public int plannings() {
        return prepared.plannings();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new StatementException("26000", "the prepared statement is closed");
        }
    }
}
