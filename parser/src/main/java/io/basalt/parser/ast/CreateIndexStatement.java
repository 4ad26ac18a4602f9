package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code CREATE [UNIQUE] INDEX [[IF NOT EXISTS] name] ON table [USING btree] (column [ASC | DESC], …)
 * [INCLUDE (column, …)]}. Without a name the index is named as PostgreSQL names it ({@code table_col_idx}).
 */
public record CreateIndexStatement(Optional<String> name, boolean unique, boolean ifNotExists, QualifiedName table,
                                   List<IndexColumn> keys, List<String> included, SourceSpan span) implements Statement {

    public CreateIndexStatement {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        keys = List.copyOf(keys);
        included = List.copyOf(included);
        Objects.requireNonNull(span, "span");
    }
}
