package io.basalt.parser.ast;

import java.util.Objects;

/** {@code SELECT …}, {@code WITH …}, {@code VALUES …} or a parenthesised query: the whole text, for Calcite. */
public record QueryStatement(SqlFragment query) implements Statement {

    public QueryStatement {
        Objects.requireNonNull(query, "query");
    }

    @Override
    public SourceSpan span() {
        return query.span();
    }
}
