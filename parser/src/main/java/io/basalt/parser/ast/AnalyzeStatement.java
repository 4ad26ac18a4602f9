package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/** {@code ANALYZE [table]}: refresh statistics of one table, or of all tables. */
public record AnalyzeStatement(Optional<QualifiedName> table, SourceSpan span) implements Statement {

    public AnalyzeStatement {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(span, "span");
    }
}
