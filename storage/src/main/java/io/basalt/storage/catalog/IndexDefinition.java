package io.basalt.storage.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A covering index of a table ({@code CREATE [UNIQUE] INDEX name ON t (k1 [DESC], …) [INCLUDE (c, …)]}): which
 * columns it keeps sorted and which it carries along. It belongs to its table's definition, so it is created,
 * altered and dropped with the table in the same commits. Its name shares the schema's namespace of relations, as
 * in PostgreSQL. A column may appear more than once (PostgreSQL and SQLite allow {@code (a, a)}).
 *
 * @param indexId  a manifest id (never reused), naming the directory that holds the index's data
 * @param unique   whether the keys must be unique among the table's live rows (a key with a NULL never repeats)
 * @param keys     the sort columns, leading first
 * @param included columns stored beside the keys but not sorted on
 */
public record IndexDefinition(long indexId, String name, boolean unique, List<IndexKey> keys, List<String> included) {

    public IndexDefinition {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        included = List.copyOf(included);
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " has no key column");
        }
    }

    public List<String> keyColumns() {
        return keys.stream().map(IndexKey::column).toList();
    }

    /** Every column the index stores: the keys, then the included ones. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>(keyColumns());
        columns.addAll(included);
        return columns;
    }

    public boolean uses(String column) {
        return columns().contains(column);
    }

    /** This index after ALTER TABLE … RENAME COLUMN (PostgreSQL keeps the index). */
    public IndexDefinition withColumnRenamed(String oldName, String newName) {
        List<IndexKey> renamedKeys = keys.stream().map(key -> key.renamed(oldName, newName)).toList();
        List<String> renamedIncluded = included.stream().map(c -> c.equals(oldName) ? newName : c).toList();
        return new IndexDefinition(indexId, name, unique, renamedKeys, renamedIncluded);
    }
}
