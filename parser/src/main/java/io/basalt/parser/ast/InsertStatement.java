package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code INSERT INTO table [(columns)] source}, where the source is everything after the column list
 * ({@code VALUES (…), (…)} or a query), left as text for Calcite. No columns means all, in table order.
 */
public record InsertStatement(QualifiedName table, List<String> columns, SqlFragment source, SourceSpan span)
        implements Statement {

    public InsertStatement {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(span, "span");
    }
}
