package io.basalt.parser.ast;

import java.util.Objects;

/** {@code CREATE SCHEMA [IF NOT EXISTS] name}. */
public record CreateSchemaStatement(String name, boolean ifNotExists, SourceSpan span) implements Statement {

    public CreateSchemaStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }
}
