package io.basalt.shell.catalog;

import java.util.List;
import java.util.Objects;

/** An index of a table, as JDBC's {@code getIndexInfo} describes it. */
public record IndexDescription(RelationName table, String name, List<String> columns, boolean unique) {

    public IndexDescription {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
