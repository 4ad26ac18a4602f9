package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code TRUNCATE [TABLE] name [, …]}. */
public record TruncateStatement(List<QualifiedName> names, SourceSpan span) implements Statement {

    public TruncateStatement {
        names = List.copyOf(names);
        Objects.requireNonNull(span, "span");
    }
}
