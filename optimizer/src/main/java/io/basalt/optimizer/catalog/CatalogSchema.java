package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of one manifest version as Calcite's root schema: one sub-schema per Basalt schema, each holding
 * that schema's tables. Built per query from the manifest the query runs on, so planning always sees exactly
 * the snapshot execution will read.
 */
public final class CatalogSchema extends AbstractSchema {

    private final Map<String, Schema> schemas;

    private CatalogSchema(Map<String, Schema> schemas) {
        this.schemas = schemas;
    }

    /** Calcite's root schema over {@code catalog}. */
    public static CalciteSchema rootOf(Manifest catalog) {
        return rootOf(catalog, -1);
    }

    /**
     * Calcite's root schema over {@code catalog}, where table {@code rowIdentityTable} (or none, for -1) has one more
     * column: each row's identity (a DML statement's target).
     */
    public static CalciteSchema rootOf(Manifest catalog, long rowIdentityTable) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String schema : catalog.schemas()) {
            schemas.put(schema, new TablesOfSchema(catalog, catalog.tablesIn(schema), rowIdentityTable));
        }
        return CalciteSchema.createRootSchema(false, false, "", new CatalogSchema(schemas));
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        return schemas;
    }

    /** One Basalt schema: its tables by name. */
    private static final class TablesOfSchema extends AbstractSchema {

        private final Map<String, Table> tables = new LinkedHashMap<>();

        TablesOfSchema(Manifest catalog, List<TableEntry> entries, long rowIdentityTable) {
            for (TableEntry entry : entries) {
                tables.put(entry.definition().name(),
                        new BasaltTable(entry, catalog, entry.tableId() == rowIdentityTable));
            }
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }
    }
}
