package io.basalt.server.query;

import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.progress.ProgressTracker;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.SessionSettings;
import io.basalt.server.system.SystemTables;
import io.basalt.server.result.StatementResult;
import io.basalt.server.transaction.ReadView;
import io.basalt.server.transaction.TransactionScope;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A SELECT, WITH or VALUES query, planned once: each execution pins a snapshot (inside a transaction: reads the
 * transaction's view), takes the cached plan (re-planned
 * only when the snapshot's catalog differs from the one it was planned against), binds the parameter values and
 * runs it. The result streams from the pinned snapshot until it is read or closed.
 */
public final class PreparedQuery implements Prepared {

    private final QueryRunner runner;
    private final TransactionScope transactions;
    private final PlanCache<PlannedQuery> plans;

    /** Plans {@code query} against {@code catalog} now, so that errors and parameter types are known at once. */
    public PreparedQuery(QueryRunner runner, TransactionScope transactions, SqlFragment query, Manifest catalog,
                         SessionSettings settings) {
        this.runner = runner;
        this.transactions = transactions;
        this.plans = new PlanCache<>((version, current) -> runner.plan(query, version, current), PlannedQuery::plan,
                runner.authorization(), query.text(), SystemTables.readsRuntimeRows(query.text()));
        plans.planAhead(catalog, settings);
    }

    @Override
    public List<LogicalType> parameterTypes() {
        return plans.latest().parameterTypes();
    }

    @Override
    public Optional<List<Column>> resultColumns() {
        return Optional.of(plans.latest().columns());
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled) {
        return execute(values, settings, cancelled, new ProgressTracker());
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled,
                                   ProgressTracker progress) {
        return new StatementResult.Rows(rows(values, settings, cancelled, progress));
    }

    private ResultStream rows(List<?> values, SessionSettings settings, AtomicBoolean cancelled, ProgressTracker progress) {
        ReadView snapshot = transactions.read();
        try {
            PhysicalNode plan = boundPlan(snapshot.manifest(), values, settings);
            ResultStream rows = QueryExecutor.execute(plan, runner.context(snapshot.manifest(), settings, cancelled, progress));
            return new SnapshotResultStream(rows, snapshot);
        } catch (RuntimeException e) {
            snapshot.close();
            throw e;
        }
    }

    /** The plan for {@code catalog} with {@code values} bound (EXPLAIN shows and runs this). */
    PhysicalNode boundPlan(Manifest catalog, List<?> values, SessionSettings settings) {
        return ParameterBinding.bind(plans.plan(catalog, settings), values);
    }

    /** The cached plan's planning time, for EXPLAIN. */
    PlannedQuery planned(Manifest catalog, SessionSettings settings) {
        return plans.plan(catalog, settings);
    }

    /** How many times this query was planned: 1 until the catalog changes. */
    @Override
    public int plannings() {
        return plans.plannings();
    }
}
