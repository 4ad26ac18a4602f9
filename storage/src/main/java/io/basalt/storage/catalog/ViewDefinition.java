package io.basalt.storage.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A view as the catalog keeps it: the text of its query, planned again whenever the view is used, and what the
 * query meant when the view was created, so that later uses mean the same.
 *
 * @param query        the query's SQL text as written in CREATE VIEW
 * @param columns      the view's columns: names (the column list of CREATE VIEW, else the query's) and the types
 *                     the query returned at creation; only name, type and nullability are meaningful
 * @param searchPath   the schemas unqualified names in {@code query} resolved in at creation
 * @param dependencies every table and view the query reads, directly or through other views; DROP TABLE and
 *                     DROP VIEW refuse (or, with CASCADE, drop this view) while one of them is dropped
 */
public record ViewDefinition(String schema, String name, String query, List<ColumnDefinition> columns,
                             List<String> searchPath, List<RelationName> dependencies) {

    public ViewDefinition {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(query, "query");
        columns = List.copyOf(columns);
        searchPath = List.copyOf(searchPath);
        dependencies = List.copyOf(dependencies);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("view " + name + " must have at least one column");
        }
        Set<String> seen = new HashSet<>();
        for (ColumnDefinition column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("view " + name + " has two columns named " + column.name());
            }
        }
    }

    public RelationName relationName() {
        return new RelationName(schema, name);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public boolean dependsOn(RelationName relation) {
        return dependencies.contains(relation);
    }
}
