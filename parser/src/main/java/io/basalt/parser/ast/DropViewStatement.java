package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP VIEW [IF EXISTS] name [, …] [CASCADE | RESTRICT]}. */
public record DropViewStatement(List<QualifiedName> names, boolean ifExists, DropBehavior behavior, SourceSpan span)
        implements Statement {

    public DropViewStatement {
        names = List.copyOf(names);
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(span, "span");
    }
}
