package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code FOREIGN KEY (columns) REFERENCES table [(columns)]}, or {@code REFERENCES table [(column)]} after
 * a column. Empty {@code referencedColumns} means the referenced table's primary key, as in SQL.
 */
public record ForeignKeyConstraint(Optional<String> name, List<String> columns, QualifiedName referencedTable,
                                   List<String> referencedColumns, SourceSpan span) implements TableConstraint {

    public ForeignKeyConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(span, "span");
    }
}
