package io.basalt.server.query;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.dml.AssignmentCasts;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The table an INSERT writes and where each of its columns' values come from, resolved against one catalog version:
 * a source column (cast to the column's type, as SQL's assignment rules say), the column's identity generator, or
 * its DEFAULT (NULL when it has none). Source columns that are {@code DEFAULT} in every row of a VALUES list count as
 * omitted ({@link InsertSource}).
 *
 * @param sourceOf    for each table column, the source column feeding it (-1: none)
 * @param source      the text to plan as the source (the statement's, or rewritten without DEFAULT items)
 * @param sourceTypes the type each source column is assigned to, in source order (whole-column parameters get it)
 * @param generated   for each table column, whether its identity generator supplies the values
 * @param defaulted   the table columns that get their DEFAULT (or NULL)
 */
record InsertTarget(long tableId, TableDefinition table, int[] sourceOf, SqlFragment source, List<LogicalType> sourceTypes,
                    boolean[] generated, List<Integer> defaulted) {

    static InsertTarget resolve(Manifest catalog, InsertStatement statement, String defaultSchema) {
        String schema = statement.table().schema().orElse(defaultSchema);
        TableEntry entry = catalog.table(schema, statement.table().name()).orElseThrow(
                () -> new StatementException("42P01", "relation \"" + statement.table() + "\" does not exist"));
        TableDefinition table = entry.definition();
        InsertSource source = InsertSource.of(table, statement);
        int[] sourceOf = sourcePositions(table, source.columns());
        LogicalType[] types = new LogicalType[source.columns().size()];
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] >= 0) {
                types[sourceOf[i]] = table.columns().get(i).type();
            }
        }
        boolean[] generated = new boolean[sourceOf.length];
        List<Integer> defaulted = new ArrayList<>();
        for (int i = 0; i < sourceOf.length; i++) {
            ColumnDefinition column = table.columns().get(i);
            if (sourceOf[i] >= 0 && column.identity().isPresent()) {
                if (statement.overriding() == InsertStatement.Overriding.USER_VALUE) {
                    sourceOf[i] = -1; // the given values are ignored, the generator's are used
                } else if (column.identity().get().always() && statement.overriding() == InsertStatement.Overriding.NONE) {
                    throw new StatementException("428C9", "cannot insert a non-DEFAULT value into column \"" + column.name()
                            + "\"\n  Detail: Column \"" + column.name() + "\" is an identity column defined as GENERATED ALWAYS."
                            + "\n  Hint: Use OVERRIDING SYSTEM VALUE to override.");
                }
            }
            if (sourceOf[i] < 0) {
                if (column.identity().isPresent()) {
                    generated[i] = true;
                } else {
                    defaulted.add(i);
                }
            }
        }
        return new InsertTarget(entry.tableId(), table, sourceOf, source.text(), Arrays.asList(types), generated,
                List.copyOf(defaulted));
    }

    /** Every column fed by the source column at its own position (ALTER TABLE's rewrite of a table's rows). */
    static InsertTarget everyColumn(long tableId, TableDefinition table) {
        int columns = table.columns().size();
        int[] sourceOf = new int[columns];
        Arrays.setAll(sourceOf, i -> i);
        return new InsertTarget(tableId, table, sourceOf, GeneratedSql.fragment("TABLE"),
                table.columns().stream().map(ColumnDefinition::type).toList(), new boolean[columns], List.of());
    }

    void checkSourceColumns(int planned) {
        // A source without columns (DEFAULT VALUES) is planned as VALUES with one placeholder column per row.
        int expected = Math.max(1, sourceTypes.size());
        if (planned != expected) {
            throw new StatementException("42601", "INSERT has " + planned + " expressions but " + sourceTypes.size()
                    + " target columns");
        }
    }

    /**
     * The source with one column per table column, each of the column's type; {@code defaults} holds the value of
     * every {@link #defaulted} column, identity columns get a placeholder the table writer replaces.
     */
    PhysicalNode castToTargets(PhysicalNode source, Map<Integer, Literal> defaults) {
        List<ColumnDefinition> targets = table.columns();
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            LogicalType target = targets.get(i).type();
            Expression value;
            if (sourceOf[i] >= 0) {
                LogicalType type = source.output().get(sourceOf[i]).type();
                value = AssignmentCasts.assign(new ColumnReference(sourceOf[i], type), type, target);
            } else if (defaults.containsKey(i)) {
                value = defaults.get(i);
            } else {
                value = Literal.nullOf(target);
            }
            expressions.add(value);
            output.add(new Column(targets.get(i).name(), target, targets.get(i).nullable() || generated[i]));
        }
        return new ProjectNode(source, expressions, output, source.estimatedRows());
    }

    private static int[] sourcePositions(TableDefinition table, List<String> named) {
        int[] sourceOf = new int[table.columns().size()];
        Arrays.fill(sourceOf, -1);
        for (int i = 0; i < named.size(); i++) {
            String column = named.get(i);
            int index = table.columnIndex(column).orElseThrow(() -> new StatementException("42703",
                    "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist"));
            if (sourceOf[index] >= 0) {
                throw new StatementException("42701", "column \"" + column + "\" specified more than once");
            }
            sourceOf[index] = i;
        }
        return sourceOf;
    }
}
