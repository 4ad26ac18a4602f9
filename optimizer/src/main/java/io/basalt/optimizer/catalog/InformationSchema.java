package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema {@code information_schema}: the catalog of one manifest version as SQL-standard tables (schemata,
 * tables, columns, views, table_constraints, key_column_usage, referential_constraints). Each is a {@link SystemTable}:
 * constant rows computed from the manifest ({@link SystemTableRows}) when a query names it, which filter and join
 * like any input. Basalt's own {@code basalt_segments} (the
 * storage of every table) is here too, so that one schema holds everything about the catalog.
 */
final class InformationSchema extends AbstractSchema {

    static final String NAME = "information_schema";

    private static final Map<String, Function<Manifest, SystemTableRows>> TABLES = systemTables();

    private final Manifest catalog;
    private final AccessListing access;
    private Map<String, Table> tableMap;

    InformationSchema(Manifest catalog, AccessListing access) {
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    protected synchronized Map<String, Table> getTableMap() {
        if (tableMap == null) {
            tableMap = new LinkedHashMap<>();
            TABLES.forEach((name, rows) -> tableMap.put(name, new SystemTable(() -> rows.apply(catalog))));
            AccessTables.of(catalog, access).forEach((name, rows) -> tableMap.put(name, new SystemTable(() -> rows)));
        }
        return tableMap;
    }

    private static Map<String, Function<Manifest, SystemTableRows>> systemTables() {
        Map<String, Function<Manifest, SystemTableRows>> tables = new LinkedHashMap<>();
        tables.put("schemata", InformationSchemaTables::schemata);
        tables.put("tables", InformationSchemaTables::tables);
        tables.put("columns", InformationSchemaTables::columns);
        tables.put("views", InformationSchemaTables::views);
        tables.put("table_constraints", InformationSchemaTables::tableConstraints);
        tables.put("key_column_usage", InformationSchemaTables::keyColumnUsage);
        tables.put("referential_constraints", InformationSchemaTables::referentialConstraints);
        tables.put("basalt_segments", StorageTables::segments);
        return tables;
    }
}
