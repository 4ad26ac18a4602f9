package io.basalt.storage.commit;

import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;

import java.util.Collections;
import java.util.Comparator;
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
 * @param views  the views, ordered by schema and name; tables and views share one namespace per schema
 */
public record Manifest(long version, long nextId, long commitTimeMillis, SortedSet<String> schemas,
                       SortedMap<Long, TableEntry> tables, List<ViewDefinition> views) {

    public static final String DEFAULT_SCHEMA = "main";

    public Manifest {
        schemas = Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        tables = Collections.unmodifiableSortedMap(new TreeMap<>(tables));
        views = views.stream().sorted(Comparator.comparing(ViewDefinition::schema).thenComparing(ViewDefinition::name))
                .toList();
    }

    /** A version without views. */
    public Manifest(long version, long nextId, long commitTimeMillis, SortedSet<String> schemas,
                    SortedMap<Long, TableEntry> tables) {
        this(version, nextId, commitTimeMillis, schemas, tables, List.of());
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

    public Optional<ViewDefinition> view(String schema, String name) {
        return views.stream().filter(v -> v.schema().equals(schema) && v.name().equals(name)).findFirst();
    }

    public List<ViewDefinition> viewsIn(String schema) {
        return views.stream().filter(v -> v.schema().equals(schema)).toList();
    }

    /** The views that read {@code relation}, directly or through other views. */
    public List<ViewDefinition> viewsDependingOn(RelationName relation) {
        return views.stream().filter(v -> v.dependsOn(relation)).toList();
    }

    /** Whether a table or a view of this name exists (they share a namespace, as in PostgreSQL). */
    public boolean hasRelation(String schema, String name) {
        return table(schema, name).isPresent() || view(schema, name).isPresent();
    }

    /** The index of this name in {@code schema}: index names are unique per schema, as relation names are. */
    public Optional<TableIndex> index(String schema, String name) {
        for (TableEntry entry : tablesIn(schema)) {
            Optional<TableIndex> found = entry.definition().index(name).map(index -> new TableIndex(entry, index));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a new table, view or index may not take this name: PostgreSQL's indexes share the namespace of
     * tables and views ({@code CREATE TABLE i} fails while an index {@code i} exists).
     */
    public boolean isRelationNameTaken(String schema, String name) {
        return hasRelation(schema, name) || index(schema, name).isPresent();
    }

    public boolean hasSchema(String schema) {
        return schemas.contains(schema);
    }

    Manifest with(long newVersion, long newNextId, SortedSet<String> newSchemas, Map<Long, TableEntry> newTables,
                  List<ViewDefinition> newViews) {
        return new Manifest(newVersion, newNextId, System.currentTimeMillis(), newSchemas, new TreeMap<>(newTables),
                newViews);
    }
}
