package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.parameter.PlanBinder;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.optimizer.dml.PlannedDml;
import io.basalt.parser.ast.DmlStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.result.StatementResult;
import io.basalt.server.transaction.TransactionScope;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.type.LogicalType;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code DELETE}, {@code UPDATE} or {@code MERGE}, planned once (a query over the target that returns each affected
 * row's identity and its new values, see {@code io.basalt.optimizer.dml.DmlPlanner}) and run in the session's
 * transaction, or in one of its own: the query runs on the transaction's view, then {@link RowChanges} marks the old
 * rows deleted and appends the new ones, so the statement takes effect entirely or not at all. Returns PostgreSQL's
 * command tag and the number of rows affected.
 */
public final class PreparedDml implements Prepared {

    private final QueryRunner runner;
    private final TransactionScope transactions;
    private final PlanCache<PlannedDml> plans;

    /** Plans the statement against {@code catalog} now, so that errors and parameter types are known at once. */
    public PreparedDml(QueryRunner runner, TransactionScope transactions, DmlStatement statement, Manifest catalog,
                       SessionSettings settings) {
        this.runner = runner;
        this.transactions = transactions;
        this.plans = new PlanCache<>((version, current) -> runner.planDml(statement.text(), version, current),
                planned -> planned.query().plan(), runner.authorization(), statement.text().text());
        plans.plan(catalog, settings);
    }

    @Override
    public List<LogicalType> parameterTypes() {
        return plans.latest().parameterTypes();
    }

    @Override
    public Optional<List<Column>> resultColumns() {
        return Optional.of(List.of());
    }

    @Override
    public int plannings() {
        return plans.plannings();
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled) {
        return transactions.write(transaction -> {
            PlannedDml planned = plans.plan(transaction.view(), settings);
            List<Literal> literals = ParameterBinding.literals(values, planned.parameterTypes());
            PhysicalNode plan = literals.isEmpty() ? planned.query().plan()
                    : PlanBinder.bind(planned.query().plan(), planned.queryValues(literals));
            ExecutionContext context = runner.context(transaction.view(), settings, cancelled);
            long rows = RowChanges.apply(planned, plan, context, transaction, settings);
            return new StatementResult.RowCount(planned.kind().name(), rows);
        });
    }
}
