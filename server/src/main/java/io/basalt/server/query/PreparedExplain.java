package io.basalt.server.query;

import io.basalt.execution.QueryExecutor;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.result.MaterializedResultStream;
import io.basalt.server.result.StatementResult;
import io.basalt.server.transaction.ReadView;
import io.basalt.server.transaction.TransactionScope;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code EXPLAIN query} shows the physical plan with estimates, pushed filters and, per scan, the segments its
 * filter's zone maps keep of all the table's ("segments: K of N"); {@code EXPLAIN ANALYZE query} runs it and adds
 * actual rows, time and memory per operator. One row per line of the plan, in a column {@code plan}. With
 * parameters, the plan shown (and run) is the one bound to the given values.
 */
public final class PreparedExplain implements Prepared {

    private static final List<Column> COLUMNS = List.of(new Column("plan", LogicalType.TEXT, false));

    private final QueryRunner runner;
    private final TransactionScope transactions;
    private final boolean analyze;
    private final PreparedQuery query;

    public PreparedExplain(QueryRunner runner, TransactionScope transactions, ExplainStatement statement, Manifest catalog,
                           SessionSettings settings) {
        if (!(statement.statement() instanceof QueryStatement explained)) {
            throw StatementException.notSupported("EXPLAIN of statements other than queries");
        }
        this.runner = runner;
        this.transactions = transactions;
        this.analyze = statement.analyze();
        this.query = new PreparedQuery(runner, transactions, explained.query(), catalog, settings);
    }

    @Override
    public List<LogicalType> parameterTypes() {
        return query.parameterTypes();
    }

    @Override
    public Optional<List<Column>> resultColumns() {
        return Optional.of(COLUMNS);
    }

    @Override
    public int plannings() {
        return query.plannings();
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled) {
        try (ReadView snapshot = transactions.read()) {
            Manifest catalog = snapshot.manifest();
            PlannedQuery planned = query.planned(catalog, settings);
            PhysicalNode plan = query.boundPlan(catalog, values, settings);
            String text;
            if (analyze) {
                text = QueryExecutor.executeAnalyzed(plan, runner.context(catalog, settings, cancelled));
            } else {
                // Notes (a scan's "segments: K of N") are kept by node; a plan bound to parameters has new nodes.
                text = PlanPrinter.print(plan, planned::explainNote);
            }
            text += "\nPlanning time: " + String.format("%.3f ms", planned.planningTime().toNanos() / 1e6);
            List<List<Object>> rows = new ArrayList<>();
            for (String line : text.split("\n")) {
                rows.add(List.of(line));
            }
            return new StatementResult.Rows(MaterializedResultStream.of(COLUMNS, rows));
        }
    }
}
