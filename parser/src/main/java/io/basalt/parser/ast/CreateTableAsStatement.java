package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code CREATE TABLE [IF NOT EXISTS] name [(column names)] AS query}. */
public record CreateTableAsStatement(QualifiedName name, boolean ifNotExists, List<String> columnNames,
                                     SqlFragment query, SourceSpan span) implements Statement {

    public CreateTableAsStatement {
        Objects.requireNonNull(name, "name");
        columnNames = List.copyOf(columnNames);
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(span, "span");
    }
}
