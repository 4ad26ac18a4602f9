package io.basalt.parser.ast;

import java.util.Objects;

/**
 * {@code EXPLAIN [ANALYZE] statement}; the explained statement is a {@link QueryStatement}, an {@link
 * InsertStatement} or a {@link DmlStatement}, with its own span.
 */
public record ExplainStatement(boolean analyze, Statement statement, SourceSpan span) implements Statement {

    public ExplainStatement {
        Objects.requireNonNull(statement, "statement");
        if (!(statement instanceof QueryStatement || statement instanceof InsertStatement
                || statement instanceof DmlStatement)) {
            throw new IllegalArgumentException("EXPLAIN takes a query or DML statement, got " + statement);
        }
        Objects.requireNonNull(span, "span");
    }
}
