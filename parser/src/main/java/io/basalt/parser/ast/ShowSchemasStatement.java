package io.basalt.parser.ast;

import java.util.Objects;

/** {@code SHOW SCHEMAS}. */
public record ShowSchemasStatement(SourceSpan span) implements Statement {

    public ShowSchemasStatement {
        Objects.requireNonNull(span, "span");
    }
}
