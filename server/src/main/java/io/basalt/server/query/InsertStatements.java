package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Transaction;
import io.basalt.server.write.TableWriter;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code CREATE TABLE t AS query}, and the appending both it and INSERT ({@link PreparedInsert}) do: the rows of
 * a plan go into the table (through a {@link TableWriter}) in the transaction they are given — all of them or, on any error, none.
 */
public final class InsertStatements {

    private InsertStatements() {
    }

    public static StatementResult createTableAs(Transaction transaction, QueryRunner runner, CreateTableAsStatement statement,
                                                SessionSettings settings, AtomicBoolean cancelled) {
        String schema = statement.name().schema().orElse(settings.schema());
        if (transaction.view().isRelationNameTaken(schema, statement.name().name())) {
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
        long rows;
        try (TableWriter writer = TableWriter.open(transaction, tableId, settings.threads())) {
            rows = appendAll(planned.plan(), writer::append, runner.context(transaction.view(), settings, cancelled));
            writer.finish();
        }
        return new StatementResult.RowCount("CREATE TABLE AS", rows);
    }

    /** Runs {@code plan} and appends its rows; returns how many. The caller finishes the writer. */
    static long appendAll(PhysicalNode plan, Consumer<ColumnBatch> writer, ExecutionContext context) {
        long rows = 0;
        try (ResultStream stream = QueryExecutor.execute(plan, context)) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                // The executor may reuse its vectors for the next batch; the appender keeps batches, so it gets copies.
                writer.accept(VectorCopier.slice(batch, 0, batch.rowCount()));
                rows += batch.rowCount();
            }
        }
        return rows;
    }
}
