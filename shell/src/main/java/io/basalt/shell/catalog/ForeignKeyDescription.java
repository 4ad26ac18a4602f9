package io.basalt.shell.catalog;

import java.util.List;
import java.util.Objects;

/** A foreign key of a table, as JDBC's {@code getImportedKeys} describes it. */
public record ForeignKeyDescription(List<String> columns, RelationName referenced, List<String> referencedColumns) {

    public ForeignKeyDescription {
        columns = List.copyOf(columns);
        Objects.requireNonNull(referenced, "referenced");
        referencedColumns = List.copyOf(referencedColumns);
    }
}
