package io.basalt.server.query;

import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ProjectNode;
import io.basalt.optimizer.dml.AssignmentCasts;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.server.StatementException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The table an INSERT writes and which source column feeds each of its columns, resolved against one catalog
 * version. Source columns are cast to the target columns' types, as SQL's assignment rules say.
 *
 * @param sourceOf for each table column, the source column feeding it (-1: none, the column gets NULL)
 */
record InsertTarget(long tableId, TableDefinition table, int[] sourceOf, int sourceColumns) {

    static InsertTarget resolve(Manifest catalog, InsertStatement statement, String defaultSchema) {
        String schema = statement.table().schema().orElse(defaultSchema);
        TableEntry entry = catalog.table(schema, statement.table().name()).orElseThrow(
                () -> new StatementException("42P01", "relation \"" + statement.table() + "\" does not exist"));
        TableDefinition table = entry.definition();
        int sourceColumns = statement.columns().isEmpty() ? table.columns().size() : statement.columns().size();
        return new InsertTarget(entry.tableId(), table, sourcePositions(table, statement.columns()), sourceColumns);
    }

    /** The type each source column is assigned to, in source order (the planner types whole-column parameters so). */
    List<LogicalType> sourceTypes() {
        LogicalType[] types = new LogicalType[sourceColumns];
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] >= 0) {
                types[sourceOf[i]] = table.columns().get(i).type();
            }
        }
        return Arrays.asList(types);
    }

    void checkSourceColumns(int planned) {
        if (planned != sourceColumns) {
            throw new StatementException("42601", "INSERT has " + planned + " expressions but " + sourceColumns
                    + " target columns");
        }
    }

    /** The source with one column per table column, each of the column's type. */
    PhysicalNode castToTargets(PhysicalNode source) {
        List<ColumnDefinition> targets = table.columns();
        List<Expression> expressions = new ArrayList<>();
        List<Column> output = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            LogicalType target = targets.get(i).type();
            Expression value;
            if (sourceOf[i] < 0) {
                value = Literal.nullOf(target);
            } else {
                LogicalType type = source.output().get(sourceOf[i]).type();
                value = AssignmentCasts.assign(new ColumnReference(sourceOf[i], type), type, target);
            }
            expressions.add(value);
            output.add(new Column(targets.get(i).name(), target, targets.get(i).nullable()));
        }
        return new ProjectNode(source, expressions, output, source.estimatedRows());
    }

    private static int[] sourcePositions(TableDefinition table, List<String> named) {
        int[] sourceOf = new int[table.columns().size()];
        if (named.isEmpty()) {
            for (int i = 0; i < sourceOf.length; i++) {
                sourceOf[i] = i;
            }
            return sourceOf;
        }
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
        for (int i = 0; i < sourceOf.length; i++) {
            if (sourceOf[i] < 0 && table.columns().get(i).defaultExpression().isPresent()) {
                throw StatementException.notSupported("DEFAULT values for omitted column \"" + table.columns().get(i).name() + "\"");
            }
        }
        return sourceOf;
    }
}
