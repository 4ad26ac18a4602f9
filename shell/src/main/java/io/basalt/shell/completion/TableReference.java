package io.basalt.shell.completion;

import java.util.Objects;
import java.util.Optional;

/** A table a statement names in FROM, JOIN, INTO or UPDATE, with its schema and alias when written. */
record TableReference(Optional<String> schema, String name, Optional<String> alias) {

    TableReference {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alias, "alias");
    }

    /** Whether {@code qualifier} (as in {@code o.}) means this table: its alias, or its name without one. */
    boolean answersTo(String qualifier) {
        return alias.map(qualifier::equals).orElse(name.equals(qualifier));
    }
}
