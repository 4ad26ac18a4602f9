package io.basalt.parser.ast;

import java.util.Objects;

/** {@code BEGIN [TRANSACTION | WORK]}, {@code START TRANSACTION}, {@code COMMIT}, {@code ROLLBACK}. */
public record TransactionStatement(TransactionAction action, SourceSpan span) implements Statement {

    public TransactionStatement {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(span, "span");
    }
}
