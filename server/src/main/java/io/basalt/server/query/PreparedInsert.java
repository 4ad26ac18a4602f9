package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.ExecutionException;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.parameter.ParameterRows;
import io.basalt.execution.parameter.PlanBinder;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.result.MaterializedResultStream;
import io.basalt.server.result.StatementResult;
import io.basalt.server.transaction.TransactionScope;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.commit.Manifest;
import io.basalt.server.write.TableWriter;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code INSERT INTO table [(columns)] VALUES … | query}, planned once: the source is planned as a query whose
 * whole-column parameters take the target columns' types ({@code VALUES (?, ?)}), its columns are cast to the
 * target types, and each execution appends its rows in one transaction — all or, on any error, none. The plan is
 * kept while the catalog holds (the target table's definition included), see {@link PlanCache}.
 *
 * <p>A batch of parameter sets is one transaction too. When the source is {@code VALUES (?, …)} (a projection
 * over one row) the whole batch runs as one query over a VALUES list with a row per set ({@link ParameterRows});
 * other sources run once per set, appending to the same table appender.
 */
public final class PreparedInsert implements Prepared {

    /** The target, the source and the RETURNING list, planned against the same catalog version. */
    private record InsertPlan(InsertTarget target, PlannedQuery source, Optional<InsertReturning> returning) {
    }

    private final QueryRunner runner;
    private final TransactionScope transactions;
    private final InsertStatement statement;
    private final PlanCache<InsertPlan> plans;

    /** Resolves the target and plans the source against {@code catalog} now, so errors and types are known at once. */
    public PreparedInsert(QueryRunner runner, TransactionScope transactions, InsertStatement statement, Manifest catalog,
                          SessionSettings settings) {
        this.runner = runner;
        this.transactions = transactions;
        this.statement = statement;
        this.plans = new PlanCache<>(this::plan, insert -> insert.source().plan(), runner.authorization(),
                statement.source().text());
        plans.plan(catalog, settings);
    }

    private InsertPlan plan(Manifest catalog, SessionSettings settings) {
        InsertTarget target = InsertTarget.resolve(catalog, statement, settings.schema());
        runner.authorization().checkInsert(catalog, new RelationName(target.table().schema(), target.table().name()));
        PlannedQuery source = runner.plan(target.source(), catalog, settings, target.sourceTypes());
        target.checkSourceColumns(source.columns().size());
        Optional<InsertReturning> returning = statement.returning()
                .map(list -> InsertReturning.plan(runner, list, target, catalog, settings));
        return new InsertPlan(target, source, returning);
    }

    @Override
    public List<LogicalType> parameterTypes() {
        return plans.latest().source().parameterTypes();
    }

    @Override
    public Optional<List<Column>> resultColumns() {
        return Optional.of(plans.latest().returning().map(InsertReturning::columns).orElse(List.of()));
    }

    @Override
    public StatementResult execute(List<?> values, SessionSettings settings, AtomicBoolean cancelled) {
        if (statement.returning().isPresent()) {
            Inserted inserted = run(List.of(values), settings, cancelled, true);
            return new StatementResult.Rows(MaterializedResultStream.ofBatches(inserted.returningColumns(),
                    inserted.returned()));
        }
        return new StatementResult.RowCount("INSERT", run(List.of(values), settings, cancelled, false).counts()[0]);
    }

    @Override
    public boolean runsBatches() {
        return true;
    }

    @Override
    public long[] executeBatch(List<? extends List<?>> parameterSets, SessionSettings settings, AtomicBoolean cancelled) {
        if (statement.returning().isPresent()) {
            throw StatementException.notSupported("INSERT … RETURNING in a batch (execute it once per parameter set)");
        }
        return run(parameterSets, settings, cancelled, false).counts();
    }

    /** How many times this INSERT was planned: 1 until the catalog changes. */
    @Override
    public int plannings() {
        return plans.plannings();
    }

    /** What one run inserted: rows per parameter set, and the RETURNING list's rows when the statement has one. */
    private record Inserted(long[] counts, List<Column> returningColumns, List<ColumnBatch> returned) {
    }

    private Inserted run(List<? extends List<?>> parameterSets, SessionSettings settings, AtomicBoolean cancelled,
                         boolean returning) {
        return transactions.write(transaction -> {
            InsertPlan plan = plans.plan(transaction.view(), settings);
            InsertTarget target = plan.target();
            List<List<Literal>> values = literals(parameterSets, plan.source().parameterTypes());
            ExecutionContext context = runner.context(transaction.view(), settings, cancelled);
            Map<Integer, Literal> defaults = ColumnDefaults.evaluate(runner, transaction.view(), settings, target.table(),
                    target.defaulted(), Instant.now(), cancelled);
            long[] counts = new long[parameterSets.size()];
            List<ColumnBatch> inserted = new ArrayList<>();
            try (TableWriter writer = TableWriter.open(transaction, target.tableId(), settings.threads(), target.generated())) {
                Consumer<ColumnBatch> append = returning ? batch -> inserted.add(writer.append(batch)) : writer::append;
                Optional<PhysicalNode> together = values.size() > 1 && !values.get(0).isEmpty()
                        ? ParameterRows.of(plan.source().plan(), plan.source().parameterTypes(), values) : Optional.empty();
                if (together.isPresent()) {
                    // One row per parameter set, in order: the source is a projection over one row.
                    InsertStatements.appendAll(target.castToTargets(together.get(), defaults), append, context);
                    Arrays.fill(counts, 1);
                } else {
                    for (int i = 0; i < values.size(); i++) {
                        PhysicalNode bound = values.get(i).isEmpty() ? plan.source().plan()
                                : PlanBinder.bind(plan.source().plan(), values.get(i));
                        counts[i] = InsertStatements.appendAll(target.castToTargets(bound, defaults), append, context);
                    }
                }
                writer.finish();
            }
            if (!returning) {
                return new Inserted(counts, List.of(), List.of());
            }
            // Inside the transaction: an error in the RETURNING list undoes the INSERT, as in PostgreSQL.
            InsertReturning list = plan.returning().orElseThrow();
            return new Inserted(counts, list.columns(), list.evaluate(inserted, context));
        });
    }

    /** Each set's values as literals; in a batch, an error names the entry as well as the parameter. */
    private static List<List<Literal>> literals(List<? extends List<?>> parameterSets, List<LogicalType> types) {
        List<List<Literal>> literals = new ArrayList<>(parameterSets.size());
        for (int i = 0; i < parameterSets.size(); i++) {
            try {
                literals.add(ParameterBinding.literals(parameterSets.get(i), types));
            } catch (ExecutionException e) {
                if (parameterSets.size() == 1) {
                    throw e;
                }
                throw new ExecutionException(e.sqlState(), "batch entry " + (i + 1) + ": " + e.getMessage(), e);
            } catch (StatementException e) {
                if (parameterSets.size() == 1) {
                    throw e;
                }
                throw new StatementException(e.sqlState(), "batch entry " + (i + 1) + ": " + e.getMessage(), -1, -1, e);
            }
        }
        return literals;
    }
}
