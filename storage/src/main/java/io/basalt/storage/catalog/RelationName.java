package io.basalt.storage.catalog;

import java.util.Objects;

/** A table or view by schema and name: what a view depends on, kept by name because views are defined by text. */
public record RelationName(String schema, String name) {

    public RelationName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
