package io.basalt.parser.ast;

import java.util.Objects;

/** {@code DROP SCHEMA [IF EXISTS] name [CASCADE | RESTRICT]}. */
public record DropSchemaStatement(String name, boolean ifExists, DropBehavior behavior, SourceSpan span)
        implements Statement {

    public DropSchemaStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(span, "span");
    }
}
