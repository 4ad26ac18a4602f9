package io.basalt.storage.catalog;

import io.basalt.storage.compress.Compression;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/** The schema of a table: its columns, constraints and options. Identity (the table id) lives in the manifest. */
public record TableDefinition(String schema, String name, List<ColumnDefinition> columns, List<Constraint> constraints,
                              TableOptions options) {

    public TableDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(options, "options");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
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
        return new TableDefinition(schema, newName, columns, constraints, options);
    }
}
