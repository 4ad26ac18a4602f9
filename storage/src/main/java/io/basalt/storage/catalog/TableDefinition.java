package io.basalt.storage.catalog;

import io.basalt.storage.compress.Compression;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The schema of a table: its columns, constraints, options and indexes. Identity (the table id) lives in the manifest.
 */
public record TableDefinition(String schema, String name, List<ColumnDefinition> columns, List<Constraint> constraints,
                              TableOptions options, List<IndexDefinition> indexes) {

    public TableDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " must have at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("table " + name + " has two columns named " + column.name());
            }
        }
        for (Constraint constraint : constraints) {
            for (String column : constraint.columns()) {
                if (!seen.contains(column)) {
                    throw new IllegalArgumentException("constraint " + constraint.name() + " names unknown column " + column);
                }
            }
        }
        Set<String> indexNames = new HashSet<>();
        for (IndexDefinition index : indexes) {
            if (!indexNames.add(index.name())) {
                throw new IllegalArgumentException("table " + name + " has two indexes named " + index.name());
            }
            for (String column : index.columns()) {
                if (!seen.contains(column)) {
                    throw new IllegalArgumentException("index " + index.name() + " names unknown column " + column);
                }
            }
        }
    }

    /** A table without indexes. */
    public TableDefinition(String schema, String name, List<ColumnDefinition> columns, List<Constraint> constraints,
                           TableOptions options) {
        this(schema, name, columns, constraints, options, List.of());
    }

    public static TableDefinition of(String schema, String name, List<ColumnDefinition> columns) {
        return new TableDefinition(schema, name, columns, List.of(), TableOptions.DEFAULT);
    }

    public OptionalInt columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The compression a column's blocks use: its own choice, else the table's. */
    public Compression compressionOf(int columnIndex) {
        return columns.get(columnIndex).compression().orElse(options.compression());
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public TableDefinition renamed(String newName) {
        return new TableDefinition(schema, newName, columns, constraints, options, indexes);
    }

    /**
     * This table with other columns and constraints (ALTER TABLE); an index over a column that is gone goes with it,
     * as PostgreSQL's DROP COLUMN drops the indexes that use the column.
     */
    public TableDefinition withColumns(List<ColumnDefinition> newColumns, List<Constraint> newConstraints) {
        Set<String> names = new HashSet<>();
        newColumns.forEach(column -> names.add(column.name()));
        List<IndexDefinition> kept = indexes.stream().filter(index -> names.containsAll(index.columns())).toList();
        return new TableDefinition(schema, name, newColumns, newConstraints, options, kept);
    }

    public TableDefinition withIndexes(List<IndexDefinition> newIndexes) {
        return new TableDefinition(schema, name, columns, constraints, options, newIndexes);
    }

    public Optional<IndexDefinition> index(String indexName) {
        return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
    }
}
