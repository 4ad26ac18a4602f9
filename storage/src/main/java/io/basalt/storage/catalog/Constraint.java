package io.basalt.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A declared table constraint. Storage records them so the planner can use them (join elimination,
 * materialized-view rewriting, star-join planning); NOT NULL is enforced by storage on every append,
 * key uniqueness and references are checked by the layers that write rows.
 */
public sealed interface Constraint {

    String name();

    List<String> columns();

    record PrimaryKey(String name, List<String> columns) implements Constraint {
        public PrimaryKey {
            columns = validated(name, columns);
        }
    }

    record Unique(String name, List<String> columns) implements Constraint {
        public Unique {
            columns = validated(name, columns);
        }
    }

    record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                      List<String> referencedColumns) implements Constraint {
        public ForeignKey {
            columns = validated(name, columns);
            Objects.requireNonNull(referencedSchema, "referencedSchema");
            Objects.requireNonNull(referencedTable, "referencedTable");
            referencedColumns = List.copyOf(referencedColumns);
            if (referencedColumns.size() != columns.size()) {
                throw new IllegalArgumentException("foreign key " + name + " has " + columns.size()
                        + " columns but references " + referencedColumns.size());
            }
        }
    }

    private static List<String> validated(String name, List<String> columns) {
        Objects.requireNonNull(name, "name");
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("constraint " + name + " names no columns");
        }
        return List.copyOf(columns);
    }
}
