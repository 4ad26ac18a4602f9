package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code CREATE [OR REPLACE] VIEW name [(column names)] AS query}. */
public record CreateViewStatement(QualifiedName name, boolean orReplace, List<String> columnNames, SqlFragment query,
                                  SourceSpan span) implements Statement {

    public CreateViewStatement {
        Objects.requireNonNull(name, "name");
        columnNames = List.copyOf(columnNames);
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(span, "span");
    }
}
