package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code DROP INDEX [IF EXISTS] name [, …] [CASCADE | RESTRICT]}. */
public record DropIndexStatement(List<QualifiedName> names, boolean ifExists, DropBehavior behavior, SourceSpan span)
        implements Statement {

    public DropIndexStatement {
        names = List.copyOf(names);
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(span, "span");
    }
}
