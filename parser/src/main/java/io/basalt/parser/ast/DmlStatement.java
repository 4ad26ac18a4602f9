package io.basalt.parser.ast;

import java.util.Objects;

/** {@code DELETE}, {@code UPDATE} or {@code MERGE}: recognised here, parsed by Calcite from the whole text. */
public record DmlStatement(DmlKind kind, SqlFragment text) implements Statement {

    public DmlStatement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public SourceSpan span() {
        return text.span();
    }
}
