package io.basalt.server;

import io.basalt.execution.plan.Column;
import io.basalt.server.result.MaterializedResultStream;
import io.basalt.server.query.GeneratedSql;
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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * SHOW TABLES, SHOW SCHEMAS, SHOW name / SHOW ALL and DESCRIBE. The SHOWs are queries over information_schema (run
 * like the user's), so they always agree with it; DESCRIBE reads the same manifest directly because it shows Basalt's
 * own type spellings (VARCHAR(40)), which information_schema spells the standard way (character varying).
 */
final class CatalogListings {

    private static final List<Column> DESCRIBE_COLUMNS = List.of(text("column_name"), text("column_type"), text("null"),
            text("key"), text("default"));

    private CatalogListings() {
    }

    /** SHOW SCHEMAS: information_schema.schemata without information_schema itself. */
    static StatementResult showSchemas(Function<String, StatementResult> query) {
        return query.apply("SELECT schema_name FROM information_schema.schemata WHERE schema_name <> 'information_schema'"
                + " ORDER BY schema_name");
    }

    /** SHOW TABLES [FROM schema]: information_schema.tables of one schema (tables and views). */
    static StatementResult showTables(Manifest catalog, String schema, Function<String, StatementResult> query) {
        if (!catalog.hasSchema(schema)) {
            throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
        }
        return query.apply("SELECT table_name AS name, table_type FROM information_schema.tables WHERE table_schema = "
                + literal(schema) + " ORDER BY table_name");
    }

    /** SHOW name (a column named after the setting, as PostgreSQL's) or SHOW ALL, from basalt_settings. */
    static StatementResult showSettings(SessionSettings settings, Optional<String> name, Function<String, StatementResult> query) {
        if (name.isEmpty()) {
            return query.apply("SELECT name, value AS setting, description FROM information_schema.basalt_settings ORDER BY name");
        }
        String setting = name.get().toLowerCase(Locale.ROOT);
        if (settings.rows().stream().noneMatch(row -> row.get(0).equals(setting))) {
            throw new StatementException("42704", "unrecognized configuration parameter \"" + name.get() + "\"");
        }
        return query.apply("SELECT value AS " + GeneratedSql.quoted(setting) + " FROM information_schema.basalt_settings"
                + " WHERE name = " + literal(setting));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
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
