package io.basalt.server;

import io.basalt.execution.plan.Column;
import io.basalt.server.result.MaterializedResultStream;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** SHOW TABLES, SHOW SCHEMAS and DESCRIBE, answered from the catalog of the session's snapshot. */
final class CatalogListings {

    private static final List<Column> DESCRIBE_COLUMNS = List.of(text("column_name"), text("column_type"), text("null"),
            text("key"), text("default"));

    private CatalogListings() {
    }

    static StatementResult showSchemas(Manifest catalog) {
        List<List<Object>> rows = new ArrayList<>();
        for (String schema : catalog.schemas()) {
            rows.add(List.of(schema));
        }
        return rows(List.of(text("schema_name")), rows);
    }

    static StatementResult showTables(Manifest catalog, String schema) {
        if (!catalog.hasSchema(schema)) {
            throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (TableEntry table : catalog.tablesIn(schema)) {
            rows.add(List.of(table.definition().name(), "BASE TABLE"));
        }
        for (ViewDefinition view : catalog.viewsIn(schema)) {
            rows.add(List.of(view.name(), "VIEW"));
        }
        rows.sort((a, b) -> a.get(0).toString().compareTo(b.get(0).toString()));
        // The type spelled as information_schema.tables.table_type spells it.
        return rows(List.of(text("name"), text("table_type")), rows);
    }

    static StatementResult describe(Manifest catalog, Optional<String> schema, String name, String currentSchema) {
        Optional<ViewDefinition> view = catalog.view(schema.orElse(currentSchema), name);
        if (view.isPresent()) {
            return describeView(view.get());
        }
        TableEntry table = catalog.table(schema.orElse(currentSchema), name).orElseThrow(
                () -> new StatementException("42P01", "relation \"" + name + "\" does not exist"));
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnDefinition column : table.definition().columns()) {
            rows.add(Arrays.asList(column.name(), column.type().toString(), column.nullable() ? "YES" : "NO",
                    keyOf(table, column.name()), column.defaultExpression().orElse(null)));
        }
        return rows(DESCRIBE_COLUMNS, rows);
    }

    /** A view's columns as DESCRIBE shows a table's: views have neither keys nor defaults. */
    private static StatementResult describeView(ViewDefinition view) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnDefinition column : view.columns()) {
            rows.add(Arrays.asList(column.name(), column.type().toString(), column.nullable() ? "YES" : "NO", null, null));
        }
        return rows(DESCRIBE_COLUMNS, rows);
    }

    private static String keyOf(TableEntry table, String column) {
        List<String> keys = new ArrayList<>();
        for (Constraint constraint : table.definition().constraints()) {
            if (constraint.columns().contains(column)) {
                keys.add(constraint instanceof Constraint.PrimaryKey ? "PRI"
                        : constraint instanceof Constraint.Unique ? "UNI" : "FOR");
            }
        }
        return keys.isEmpty() ? null : String.join(",", keys);
    }

    private static Column text(String name) {
        return new Column(name, LogicalType.TEXT, true);
    }

    private static StatementResult rows(List<Column> columns, List<List<Object>> rows) {
        return new StatementResult.Rows(MaterializedResultStream.of(columns, rows));
    }
}
