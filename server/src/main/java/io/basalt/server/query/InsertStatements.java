package io.basalt.server.query;

import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code INSERT INTO t [(columns)] VALUES … | query} and {@code CREATE TABLE t AS query}: the source is
 * planned as a query, its columns are cast to the target columns' types (as SQL's assignment rules say),
 * and the rows are appended in one transaction — all of them or, on any error, none.
 */
public final class InsertStatements {

    private InsertStatements() {
    }

    public static StatementResult insert(StorageEngine storage, QueryRunner runner, InsertStatement statement,
                                         SessionSettings settings, AtomicBoolean cancelled) {
        try (Transaction transaction = storage.begin()) {
            String schema = statement.table().schema().orElse(settings.schema());
            TableEntry table = transaction.view().table(schema, statement.table().name()).orElseThrow(
                    () -> new StatementException("42P01", "relation \"" + statement.table() + "\" does not exist"));
            List<ColumnDefinition> targetColumns = table.definition().columns();
            int[] targetOf = targetPositions(table.definition(), statement.columns());
            PlannedQuery planned = runner.plan(statement.source(), transaction.view(), settings);
            int targets = statement.columns().isEmpty() ? targetColumns.size() : statement.columns().size();
            if (planned.columns().size() != targets) {
                throw new StatementException("42601", "INSERT has " + planned.columns().size() + " expressions but "
                        + targets + " target columns");
            }
            PhysicalNode plan = castToTargets(planned.plan(), targetColumns, targetOf);
            long rows = append(transaction, table.tableId(), plan, runner, settings, cancelled);
            transaction.commit();
            return new StatementResult.RowCount("INSERT", rows);
        }
    }

    public static StatementResult createTableAs(StorageEngine storage, QueryRunner runner, CreateTableAsStatement statement,
                                                SessionSettings settings, AtomicBoolean cancelled) {
        try (Transaction transaction = storage.begin()) {
            String schema = statement.name().schema().orElse(settings.schema());
            if (transaction.view().table(schema, statement.name().name()).isPresent()) {
                if (statement.ifNotExists()) {
                    return new StatementResult.RowCount("CREATE TABLE AS", 0);
                }
                throw new StatementException("42P07", "relation \"" + statement.name().name() + "\" already exists");
            }
            PlannedQuery planned = runner.plan(statement.query(), transaction.view(), settings);
            List<Column> columns = planned.columns();
            if (!statement.columnNames().isEmpty() && statement.columnNames().size() != columns.size()) {
                throw new StatementException("42601", "CREATE TABLE AS names " + statement.columnNames().size()
                        + " columns, the query returns " + columns.size());
            }
            List<ColumnDefinition> definitions = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String name = statement.columnNames().isEmpty() ? columns.get(i).name() : statement.columnNames().get(i);
                definitions.add(ColumnDefinition.of(name, columns.get(i).type()));
            }
            long tableId = transaction.createTable(TableDefinition.of(schema, statement.name().name(), definitions));
            long rows = append(transaction, tableId, planned.plan(), runner, settings, cancelled);
            transaction.commit();
            return new StatementResult.RowCount("CREATE TABLE AS", rows);
        }
    }

    private static long append(Transaction transaction, long tableId, PhysicalNode plan, QueryRunner runner,
                               SessionSettings settings, AtomicBoolean cancelled) {
        try (ResultStream rows = QueryExecutor.execute(plan, runner.context(transaction.view(), settings, cancelled));
             TableAppender appender = new TableAppender(transaction, tableId,
                     transaction.requireTable(tableId).defaultPartition().partitionId(), settings.threads())) {
            ColumnBatch batch;
            while ((batch = rows.next()) != null) {
                appender.append(copy(batch));
            }
            appender.finish();
            return appender.rowsAppended();
        }
    }

    /** The executor may reuse its vectors for the next batch; the appender keeps batches, so it gets copies. */
    private static ColumnBatch copy(ColumnBatch batch) {
        return io.basalt.storage.vector.VectorCopier.slice(batch, 0, batch.rowCount());
    }

    /** For each table column, which source column feeds it (-1: none, the column gets NULL). */
    private static int[] targetPositions(TableDefinition table, List<String> named) {
        int[] sourceOf = new int[table.columns().size()];
        if (named.isEmpty()) {
            for (int i = 0; i < sourceOf.length; i++) {
                sourceOf[i] = i;
            }
            return sourceOf;
        }
        java.util.Arrays.fill(sourceOf, -1);
        for (int i = 0; i < named.size(); i++) {
            String column = named.get(i);
            int index = table.columnIndex(column).orElseThrow(() -> new StatementException("42703",
                    "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist"));
            if (sourceOf[index] >= 0) {
                throw new StatementException("42701", "column \"" + column + "\" specified more than once");
            }
            sourceOf[index] = i;
        }
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] < 0 && table.columns().get(i).defaultExpression().isPresent()) {
                throw StatementException.notSupported("DEFAULT values for omitted column \"" + table.columns().get(i).name() + "\"");
            }
        }
        return sourceOf;
    }

    private static PhysicalNode castToTargets(PhysicalNode source, List<ColumnDefinition> targets, int[] sourceOf) {
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            LogicalType target = targets.get(i).type();
            Expression value;
            if (sourceOf[i] < 0) {
                value = io.basalt.execution.expression.Literal.nullOf(target);
            } else {
                LogicalType type = source.output().get(sourceOf[i]).type();
                value = new ColumnReference(sourceOf[i], type);
                // Text into a bounded text column is not cast: CAST would truncate silently (the rule for explicit
                // casts), while assignment must fail on a too-long value, which storage checks on append (22001).
                boolean textIntoText = type.physicalKind() == PhysicalKind.BYTES && target.physicalKind() == PhysicalKind.BYTES;
                if (!type.equals(target) && !textIntoText) {
                    value = Call.of(Function.CAST, target, value);
                }
            }
            expressions.add(value);
            output.add(new Column(targets.get(i).name(), target, targets.get(i).nullable()));
        }
        return new ProjectNode(source, expressions, output, source.estimatedRows());
    }
}
