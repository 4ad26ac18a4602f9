package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP TABLE [IF EXISTS] name [, …] [CASCADE | RESTRICT]}. */
public record DropTableStatement(List<QualifiedName> names, boolean ifExists, DropBehavior behavior, SourceSpan span)
        implements Statement {

    public DropTableStatement {
        names = List.copyOf(names);
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(span, "span");
    }
}
