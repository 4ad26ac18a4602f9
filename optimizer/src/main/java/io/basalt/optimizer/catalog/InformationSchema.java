package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.type.SqlTypeName;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The schema {@code information_schema}: the catalog of one manifest version as SQL-standard tables (schemata,
 * tables, columns, views, table_constraints, key_column_usage, referential_constraints). Each is a view over a
 * {@code VALUES} list computed from the manifest ({@link SystemTableText}), so it plans, filters and joins like any
 * view. A table's list is computed only when a query names it. Basalt's own system tables (basalt_segments,
 * basalt_settings, basalt_queries) are {@link RuntimeTable}s the caller passes in (the server knows segment files,
 * sessions and queries), so that one schema holds everything about the catalog and the database.
 */
final class InformationSchema extends AbstractSchema {

    static final String NAME = "information_schema";

    private static final Map<String, Function<Manifest, SystemTableText>> TABLES = systemTables();

    private final Manifest catalog;
    private final Map<String, RuntimeTable> runtimeTables = new LinkedHashMap<>();
    private final Map<String, Table> computed = new LinkedHashMap<>();

    InformationSchema(Manifest catalog, List<RuntimeTable> runtimeTables) {
        this.catalog = catalog;
        runtimeTables.forEach(table -> this.runtimeTables.put(table.name(), table));
    }

    /** A map whose tables are computed when looked up (reading segment footers is not free), then kept. */
    @Override
    protected Map<String, Table> getTableMap() {
        Set<String> names = new LinkedHashSet<>(TABLES.keySet());
        names.addAll(runtimeTables.keySet());
        return new AbstractMap<>() {
            @Override
            public Table get(Object name) {
                return name instanceof String text && names.contains(text) ? table(text) : null;
            }

            @Override
            public boolean containsKey(Object name) {
                return names.contains(name);
            }

            @Override
            public Set<String> keySet() {
                return Collections.unmodifiableSet(names);
            }

            @Override
            public Set<Entry<String, Table>> entrySet() {
                Map<String, Table> all = new LinkedHashMap<>();
                names.forEach(name -> all.put(name, table(name)));
                return all.entrySet();
            }
        };
    }

    private synchronized Table table(String name) {
        return computed.computeIfAbsent(name, key -> viewTable(key, TABLES.containsKey(key) ? TABLES.get(key).apply(catalog)
                : runtimeTables.get(key).text(catalog)));
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
        tables.put("basalt_columns", InformationSchemaTables::basaltColumns);
        return tables;
    }
}
