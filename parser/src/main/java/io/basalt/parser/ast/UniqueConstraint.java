package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code UNIQUE (columns)}, or {@code UNIQUE} after a column. */
public record UniqueConstraint(Optional<String> name, List<String> columns, SourceSpan span)
        implements TableConstraint {

    public UniqueConstraint {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(span, "span");
    }
}
