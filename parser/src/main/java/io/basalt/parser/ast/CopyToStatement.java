package io.basalt.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code COPY table [(columns)] TO 'file' [options]} or {@code COPY (query) TO 'file' [options]}: exactly
 * one of {@code table} and {@code query} is present. Options as in {@link CopyFromStatement}.
 */
public record CopyToStatement(Optional<QualifiedName> table, List<String> columns, Optional<SqlFragment> query,
                              String file, Map<String, OptionValue> options, SourceSpan span) implements Statement {

    public CopyToStatement {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(query, "query");
        if (table.isPresent() == query.isPresent()) {
            throw new IllegalArgumentException("COPY … TO copies either a table or a query");
        }
        if (query.isPresent() && !columns.isEmpty()) {
            throw new IllegalArgumentException("COPY (query) TO takes no column list");
        }
        Objects.requireNonNull(file, "file");
        options = OrderedMaps.copyOf(options);
        Objects.requireNonNull(span, "span");
    }
}
