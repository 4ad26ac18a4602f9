package io.basalt.shell.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What completion knows of the catalog: schemas, their tables and the tables' columns, each read once
 * when first needed and kept until {@link #invalidate()} (after DDL or a new connection), so pressing Tab
 * never waits on the database twice for the same answer. Completion must never fail, so a failed read
 * counts as "nothing there".
 */
public final class CatalogCache {

    private final CatalogReader reader;
    private final String defaultSchema;
    private List<String> schemas;
    private final Map<String, List<RelationName>> tables = new HashMap<>();
    private final Map<RelationName, List<ColumnInfo>> columns = new HashMap<>();

    public CatalogCache(CatalogReader reader, String defaultSchema) {
        this.reader = reader;
        this.defaultSchema = defaultSchema;
    }

    public synchronized List<String> schemas() {
        if (schemas == null) {
            try {
                schemas = List.copyOf(reader.schemas());
            } catch (SQLException e) {
                schemas = List.of();
            }
        }
        return schemas;
    }

    public synchronized List<RelationName> tables(String schema) {
        return tables.computeIfAbsent(schema, name -> {
            try {
                return List.copyOf(reader.tables(name));
            } catch (SQLException e) {
                return List.of();
            }
        });
    }

    /** Every table of every schema, the default schema's first. */
    public synchronized List<RelationName> allTables() {
        List<RelationName> all = new ArrayList<>(tables(defaultSchema));
        for (String schema : schemas()) {
            if (!schema.equals(defaultSchema)) {
                all.addAll(tables(schema));
            }
        }
        return all;
    }

    public synchronized List<ColumnInfo> columns(RelationName table) {
        return columns.computeIfAbsent(table, name -> {
            try {
                return List.copyOf(reader.columns(name));
            } catch (SQLException e) {
                return List.of();
            }
        });
    }

    /**
     * The table a query means by {@code schema.name} or by {@code name} alone: the default schema's table of
     * that name first, else the first schema that has one (the query may be wrong, completion can still help).
     */
    public synchronized Optional<RelationName> resolve(Optional<String> schema, String name) {
        if (schema.isPresent()) {
            return tables(schema.get()).stream().filter(table -> table.name().equals(name)).findFirst();
        }
        return allTables().stream().filter(table -> table.name().equals(name)).findFirst();
    }

    public String defaultSchema() {
        return defaultSchema;
    }

    public synchronized void invalidate() {
        schemas = null;
        tables.clear();
        columns.clear();
    }
}
