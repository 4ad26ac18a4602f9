package io.basalt.parser.ast;

import java.util.Objects;

/** {@code DESCRIBE table}, {@code DESC table} or {@code SHOW COLUMNS FROM table}: they ask the same thing. */
public record DescribeStatement(QualifiedName table, SourceSpan span) implements Statement {

    public DescribeStatement {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(span, "span");
    }
}
