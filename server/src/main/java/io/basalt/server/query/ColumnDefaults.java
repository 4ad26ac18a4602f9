package io.basalt.server.query;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.QueryExecutor;
import io.basalt.execution.ResultStream;
import io.basalt.execution.expression.ConstantEvaluation;
import io.basalt.execution.expression.Literal;
import io.basalt.optimizer.PlannedQuery;
import io.basalt.optimizer.dml.AssignmentCasts;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.vector.ColumnBatch;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Evaluates columns' DEFAULT expressions (kept as text in the catalog) for one statement: one query
 * {@code SELECT (d1), (d2), …} planned and run like any other, with the current time bound in ({@link TimeFunctions}),
 * each value then assigned to its column's type. Once per statement, not per row: Basalt has no volatile functions
 * (random(), nextval()), so every row would get the same values anyway.
 */
public final class ColumnDefaults {

    private ColumnDefaults() {
    }

    /** The default of each of {@code columns} (indexes into the table), of the column's type; NULL where none. */
    public static Map<Integer, Literal> evaluate(QueryRunner runner, Manifest catalog, SessionSettings settings,
                                                 TableDefinition table, List<Integer> columns, Instant now,
                                                 AtomicBoolean cancelled) {
        Map<Integer, Literal> values = new HashMap<>();
        StringBuilder query = new StringBuilder();
        List<Integer> withExpression = columns.stream()
                .filter(c -> table.columns().get(c).defaultExpression().isPresent()).toList();
        for (int column : columns) {
            values.put(column, Literal.nullOf(table.columns().get(column).type()));
        }
        if (withExpression.isEmpty()) {
            return values;
        }
        for (int column : withExpression) {
            query.append(query.length() == 0 ? "SELECT " : ", ")
                    .append('(').append(TimeFunctions.bind(table.columns().get(column).defaultExpression().get(), now)).append(')');
        }
        PlannedQuery planned;
        try {
            planned = runner.plan(GeneratedSql.fragment(query.toString()), catalog, settings);
        } catch (StatementException e) {
            throw inDefault(e, table, withExpression);
        }
        ColumnBatch row;
        try (ResultStream stream = QueryExecutor.execute(planned.plan(), runner.context(catalog, settings, cancelled))) {
            row = stream.next();
        } catch (ExecutionException e) {
            throw new StatementException(e.sqlState(), "in the DEFAULT of a column of \"" + table.name() + "\": "
                    + e.getMessage(), -1, -1, e);
        }
        for (int i = 0; i < withExpression.size(); i++) {
            ColumnDefinition column = table.columns().get(withExpression.get(i));
            Literal value = Literal.at(row.column(i), 0, planned.columns().get(i).type());
            try {
                values.put(withExpression.get(i), ConstantEvaluation.evaluate(
                        AssignmentCasts.assign(value, value.type(), column.type())));
            } catch (ExecutionException e) {
                throw new StatementException(e.sqlState(), "DEFAULT of column \"" + column.name() + "\": " + e.getMessage(),
                        -1, -1, e);
            }
        }
        return values;
    }

    /** Checks that a DEFAULT expression plans (CREATE TABLE, ADD COLUMN, SET DEFAULT), as PostgreSQL does at once. */
    public static void validate(QueryRunner runner, Manifest catalog, SessionSettings settings, ColumnDefinition column) {
        if (column.defaultExpression().isEmpty()) {
            return;
        }
        String text = "SELECT (" + TimeFunctions.bind(column.defaultExpression().get(), Instant.EPOCH) + ")";
        try {
            runner.plan(GeneratedSql.fragment(text), catalog, settings);
        } catch (StatementException e) {
            throw new StatementException(e.sqlState(), "invalid DEFAULT for column \"" + column.name() + "\": "
                    + e.getMessage(), -1, -1, e);
        }
    }

    private static StatementException inDefault(StatementException e, TableDefinition table, List<Integer> columns) {
        List<String> names = columns.stream().map(c -> "\"" + table.columns().get(c).name() + "\"").toList();
        return new StatementException(e.sqlState(), "in the DEFAULT of " + String.join(", ", names) + ": " + e.getMessage(),
                -1, -1, e);
    }
}
