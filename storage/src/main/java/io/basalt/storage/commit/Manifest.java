package io.basalt.storage.commit;

import io.basalt.storage.catalog.TableDefinition;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One immutable version of the whole database: the catalog (schemas, tables, columns, constraints, options)
 * and, for every table, the partitions and segments that hold its rows. A commit publishes a new manifest
 * in one atomic step, so catalog and data always change together; a reader that holds a manifest sees one
 * consistent database for as long as it likes.
 *
 * @param nextId the next unused id for tables, partitions, segments and deletion vectors; ids are never
 *               reused, so a file name identifies its content for good
 */
public record Manifest(long version, long nextId, long commitTimeMillis, SortedSet<String> schemas,
                       SortedMap<Long, TableEntry> tables) {

    public static final String DEFAULT_SCHEMA = "main";

    public Manifest {
        schemas = Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
    }

    /** Version 0 of a new data directory: the default schema and nothing else. */
    public static Manifest initial() {
        return new Manifest(0, 1, System.currentTimeMillis(), new TreeSet<>(List.of(DEFAULT_SCHEMA)), new TreeMap<>());
    }

    public Optional<TableEntry> table(long tableId) {
        return Optional.ofNullable(tables.get(tableId));
    }

    public Optional<TableEntry> table(String schema, String name) {
        for (TableEntry entry : tables.values()) {
            TableDefinition definition = entry.definition();
            if (definition.schema().equals(schema) && definition.name().equals(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public List<TableEntry> tablesIn(String schema) {
        return tables.values().stream().filter(t -> t.definition().schema().equals(schema)).toList();
    }

    public boolean hasSchema(String schema) {
        return schemas.contains(schema);
    }

    Manifest with(long newVersion, long newNextId, SortedSet<String> newSchemas, Map<Long, TableEntry> newTables) {
        return new Manifest(newVersion, newNextId, System.currentTimeMillis(), newSchemas, new TreeMap<>(newTables));
    }
}
