package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code SHOW TABLES [FROM | IN schema]}; no schema means the session's current one. */
public record ShowTablesStatement(Optional<String> schema, SourceSpan span) implements Statement {

    public ShowTablesStatement {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(span, "span");
    }
}
