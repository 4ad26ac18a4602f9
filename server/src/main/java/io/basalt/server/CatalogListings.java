package io.basalt.server;

import io.basalt.server.query.GeneratedSql;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.commit.Manifest;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * SHOW TABLES, SHOW SCHEMAS, SHOW name / SHOW ALL and DESCRIBE, as queries over information_schema (run like the
 * user's), so they always agree with it. DESCRIBE reads Basalt's {@code basalt_columns}, which spells types Basalt's
 * way ({@code VARCHAR(40)}; {@code columns.data_type} spells them the standard way, {@code character varying}).
 */
final class CatalogListings {

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

    /** DESCRIBE table or view: its rows of information_schema.basalt_columns. */
    static StatementResult describe(Manifest catalog, Optional<String> schema, String name, String currentSchema,
                                    Function<String, StatementResult> query) {
        String resolved = schema.orElse(currentSchema);
        if (!catalog.hasRelation(resolved, name)) {
            throw new StatementException("42P01", "relation \"" + name + "\" does not exist");
        }
        return query.apply("SELECT column_name, column_type, \"null\", \"key\", \"default\""
                + " FROM information_schema.basalt_columns WHERE table_schema = " + literal(resolved)
                + " AND table_name = " + literal(name) + " ORDER BY ordinal_position");
    }
}
