package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code PRIMARY KEY (columns)}, or {@code PRIMARY KEY} after a column. */
public record PrimaryKeyConstraint(Optional<String> name, List<String> columns, SourceSpan span)
        implements TableConstraint {

    public PrimaryKeyConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(span, "span");
    }
}
