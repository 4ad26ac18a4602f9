package io.basalt.optimizer.catalog;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;

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
        return rootOf(catalog, rowIdentityTable, AccessListing.NONE, List.of());
    }

    /**
     * As {@link #rootOf(Manifest, long)}, with {@code access} for information_schema's role and privilege tables and
     * the caller's {@code runtimeTables}.
     */
    public static CalciteSchema rootOf(Manifest catalog, long rowIdentityTable, AccessListing access,
                                       List<RuntimeTable> runtimeTables) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (String schema : catalog.schemas()) {
            schemas.put(schema, new TablesOfSchema(catalog, schema, rowIdentityTable));
        }
        // The system schema wins over a user schema of the same name, as in PostgreSQL, where none can be created.
        schemas.put(InformationSchema.NAME, new InformationSchema(catalog, access, runtimeTables));
        return CalciteSchema.createRootSchema(false, false, "", new CatalogSchema(schemas));
    }

    @Override
    protected Map<String, Schema> getSubSchemaMap() {
        return schemas;
    }

    /**
     * A view as Calcite's {@link ViewTable}: its row type is the one stored at creation, and where a query reads it
     * the planner's view expander translates its text (see {@code ViewExpansion}), casting to that row type.
     */
    private static ViewTable viewTable(ViewDefinition view) {
        RelProtoDataType rowType = typeFactory -> {
            RelDataTypeFactory.Builder row = typeFactory.builder();
            for (ColumnDefinition column : view.columns()) {
                row.add(column.name(), TypeMapping.toCalcite(typeFactory, column.type(), column.nullable()));
            }
            return row.build();
        };
        return new ViewTable(Object[].class, rowType, view.query(), view.searchPath(), List.of(view.schema(), view.name()));
    }

    /** One Basalt schema: its tables and views by name. */
    private static final class TablesOfSchema extends AbstractSchema {

        private final Map<String, Table> tables = new LinkedHashMap<>();

        TablesOfSchema(Manifest catalog, String schema, long rowIdentityTable) {
            for (TableEntry entry : catalog.tablesIn(schema)) {
                tables.put(entry.definition().name(),
                        new BasaltTable(entry, catalog, entry.tableId() == rowIdentityTable));
            }
            for (ViewDefinition view : catalog.viewsIn(schema)) {
                tables.put(view.name(), viewTable(view));
            }
        }

        @Override
        protected Map<String, Table> getTableMap() {
            return tables;
        }
    }
}
