package io.basalt.server.query;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.FilterNode;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.plan.WindowNode;
import io.basalt.execution.plan.WorkingTableNode;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The RETURNING list of an INSERT: planned as {@code SELECT list FROM table} against the catalog the INSERT is
 * planned on (so names, {@code *}, types and errors are exactly a query's), then the scan of the table is replaced by
 * the rows the statement inserted — with the values identity columns, DEFAULTs and casts gave them — handed to the
 * executor by name. The list may use any scalar expression of the new row; like PostgreSQL, aggregate and window
 * functions are refused. Subqueries (which would read other tables, or this one) are not supported yet.
 */
final class InsertReturning {

    private static final String INSERTED_ROWS = "inserted rows";
    private static final String SELECT = "SELECT ";

    private final PhysicalNode plan;
    private final List<Column> columns;

    private InsertReturning(PhysicalNode plan, List<Column> columns) {
        this.plan = plan;
        this.columns = columns;
    }

    static InsertReturning plan(QueryRunner runner, SqlFragment list, InsertTarget target, Manifest catalog,
                                SessionSettings settings) {
        TableDefinition table = target.table();
        PlannedQuery planned = runner.plan(query(list, table), catalog, settings);
        List<Column> tableColumns = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDefinition column = table.columns().get(i);
            tableColumns.add(new Column(column.name(), column.type(), column.nullable() || target.generated()[i]));
        }
        PhysicalNode plan = overInsertedRows(planned.plan(), target.tableId(), tableColumns);
        return new InsertReturning(plan, planned.columns());
    }

    List<Column> columns() {
        return columns;
    }

    /** The list evaluated over {@code inserted}, the rows as the table got them, in insertion order. */
    List<ColumnBatch> evaluate(List<ColumnBatch> inserted, ExecutionContext context) {
        List<ColumnBatch> result = new ArrayList<>();
        try (ResultStream stream = QueryExecutor.execute(plan, context, Map.of(INSERTED_ROWS, inserted))) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                // The executor may reuse its vectors for the next batch.
                result.add(VectorCopier.slice(batch, 0, batch.rowCount()));
            }
        }
        return result;
    }

    /**
     * {@code SELECT list FROM "schema"."table"}, placed so that "SELECT " ends where the list starts: a position
     * Calcite reports inside the list is the position in the user's statement.
     */
    private static SqlFragment query(SqlFragment list, TableDefinition table) {
        String text = SELECT + list.text() + " FROM " + GeneratedSql.quoted(table.schema(), table.name());
        SourceSpan at = list.span();
        int start = Math.max(0, at.startOffset() - SELECT.length());
        return new SqlFragment(text, new SourceSpan(start, start + text.length(), at.line(),
                Math.max(1, at.column() - SELECT.length())));
    }

    /** The plan with the scan of the target table reading the inserted rows instead. */
    private static PhysicalNode overInsertedRows(PhysicalNode node, long tableId, List<Column> tableColumns) {
        if (node instanceof TableScanNode scan && scan.tableId() == tableId) {
            PhysicalNode rows = new WorkingTableNode(INSERTED_ROWS, tableColumns, scan.estimatedRows());
            List<Expression> picked = new ArrayList<>();
            for (int column : scan.columns()) {
                picked.add(new ColumnReference(column, tableColumns.get(column).type()));
            }
            PhysicalNode projected = new ProjectNode(rows, picked, scan.readColumns(), scan.estimatedRows());
            PhysicalNode filtered = scan.filter()
                    .<PhysicalNode>map(filter -> new FilterNode(projected, filter, scan.estimatedRows()))
                    .orElse(projected);
            if (scan.filterOnly().isEmpty()) {
                return filtered;
            }
            // The columns only the scan's filter read are not the scan's output.
            List<Expression> outputColumns = new ArrayList<>();
            for (int column = 0; column < scan.output().size(); column++) {
                outputColumns.add(new ColumnReference(column, scan.output().get(column).type()));
            }
            return new ProjectNode(filtered, outputColumns, scan.output(), scan.estimatedRows());
        }
        if (node instanceof ProjectNode project) {
            return new ProjectNode(overInsertedRows(project.input(), tableId, tableColumns), project.expressions(),
                    project.output(), project.estimatedRows());
        }
        if (node instanceof FilterNode filter) {
            return new FilterNode(overInsertedRows(filter.input(), tableId, tableColumns), filter.condition(),
                    filter.estimatedRows());
        }
        if (node instanceof AggregateNode) {
            throw new StatementException("42803", "aggregate functions are not allowed in RETURNING");
        }
        if (node instanceof WindowNode) {
            throw new StatementException("42P20", "window functions are not allowed in RETURNING");
        }
        throw StatementException.notSupported("subqueries in RETURNING");
    }
}
