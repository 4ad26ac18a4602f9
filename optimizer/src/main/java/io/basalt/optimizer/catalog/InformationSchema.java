package io.basalt.optimizer.catalog;

import io.basalt.storage.commit.Manifest;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

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
 * tables, columns, views, table_constraints, key_column_usage, referential_constraints). Each is a {@link SystemTable}:
 * constant rows computed from the manifest ({@link SystemTableRows}) when a query names it, which filter and join
 * like any input. The role and privilege tables come from the session's {@link AccessListing}; Basalt's own system
 * tables (basalt_segments, basalt_settings, basalt_queries) are {@link RuntimeTable}s the caller passes in (the server
 * knows segment files, sessions and queries), so that one schema holds everything about the catalog and the database.
 */
final class InformationSchema extends AbstractSchema {

    static final String NAME = "information_schema";

    private static final Map<String, Function<Manifest, SystemTableRows>> TABLES = systemTables();

    private final Manifest catalog;
    private final AccessListing access;
    private final Map<String, RuntimeTable> runtimeTables = new LinkedHashMap<>();
    private final Map<String, Table> computed = new LinkedHashMap<>();

    InformationSchema(Manifest catalog, AccessListing access, List<RuntimeTable> runtimeTables) {
        this.catalog = catalog;
        this.access = access;
        runtimeTables.forEach(table -> this.runtimeTables.put(table.name(), table));
    }

    /** A map whose tables are computed when looked up (reading segment footers is not free), then kept. */
    @Override
    protected Map<String, Table> getTableMap() {
        Set<String> names = new LinkedHashSet<>(TABLES.keySet());
        names.addAll(AccessTables.NAMES);
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
        return computed.computeIfAbsent(name, key -> new SystemTable(() -> rowsOf(key)));
    }

    private SystemTableRows rowsOf(String name) {
        if (TABLES.containsKey(name)) {
            return TABLES.get(name).apply(catalog);
        }
        if (AccessTables.NAMES.contains(name)) {
            return AccessTables.of(catalog, access).get(name);
        }
        return runtimeTables.get(name).rows(catalog);
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
        tables.put("basalt_columns", InformationSchemaTables::basaltColumns);
        tables.put("basalt_indexes", InformationSchemaTables::basaltIndexes);
        tables.put("basalt_functions", catalog -> BuiltInFunctions.functions());
        tables.put("basalt_function_arguments", catalog -> BuiltInFunctions.arguments());
        return tables;
    }
}
