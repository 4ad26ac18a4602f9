package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema {@code information_schema}: the catalog of one manifest version as SQL-standard tables (schemata,
 * tables, columns, views, table_constraints, key_column_usage, referential_constraints). Each is a view over a
 * {@code VALUES} list computed from the manifest ({@link SystemTableText}), so it plans, filters and joins like any
 * view. The lists are computed only when a query names this schema. Basalt's own {@code basalt_segments} (the
 * storage of every table) is here too, so that one schema holds everything about the catalog.
 */
final class InformationSchema extends AbstractSchema {

    static final String NAME = "information_schema";

    private static final Map<String, Function<Manifest, SystemTableText>> TABLES = systemTables();

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
            TABLES.forEach((name, rows) -> tableMap.put(name, viewTable(name, rows.apply(catalog))));
            AccessTables.of(catalog, access).forEach((name, rows) -> tableMap.put(name, viewTable(name, rows)));
        }
        return tableMap;
    }

    private static ViewTable viewTable(String name, SystemTableText rows) {
        RelProtoDataType rowType = typeFactory -> {
            RelDataTypeFactory.Builder row = typeFactory.builder();
            for (int i = 0; i < rows.names().size(); i++) {
                SqlTypeName type = rows.types().get(i).sqlType();
                row.add(rows.names().get(i), typeFactory.createTypeWithNullability(typeFactory.createSqlType(type), true));
            }
            return row.build();
        };
        return new ViewTable(Object[].class, rowType, rows.query(), List.of(NAME), List.of(NAME, name));
    }

    private static Map<String, Function<Manifest, SystemTableText>> systemTables() {
        Map<String, Function<Manifest, SystemTableText>> tables = new LinkedHashMap<>();
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
