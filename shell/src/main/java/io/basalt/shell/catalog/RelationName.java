package io.basalt.shell.catalog;

import java.util.Objects;

/** A table, view or index by schema and name. */
public record RelationName(String schema, String name) {

    public RelationName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** {@code schema.name} quoted where needed, as a user would type it. */
    public String displayName() {
        return SqlNames.asTyped(schema) + "." + SqlNames.asTyped(name);
    }

    /** Both parts always quoted, for SQL the shell sends. */
    public String quotedName() {
        return SqlNames.quoted(schema) + "." + SqlNames.quoted(name);
    }
}
