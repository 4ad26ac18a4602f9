package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code RESET name} (another spelling of {@code SET name TO DEFAULT}, as in PostgreSQL) or, without a name,
 * {@code RESET ALL}: every setting back to its default. The name is case-folded, its dotted parts joined with {@code .}.
 */
public record ResetStatement(Optional<String> name, SourceSpan span) implements Statement {

    public ResetStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }
}
