package io.basalt.parser.ast;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code CREATE TABLE [IF NOT EXISTS] name (columns and constraints) [WITH (option = value, …)]}.
 * Constraints hold both the table elements and those written on columns, in the order written. Option
 * names are case-folded like identifiers (lower case), in the order written.
 */
public record CreateTableStatement(QualifiedName name, boolean ifNotExists, List<ColumnDefinition> columns,
                                   List<TableConstraint> constraints, Map<String, OptionValue> options,
                                   SourceSpan span) implements Statement {

    public CreateTableStatement {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        options = OrderedMaps.copyOf(options);
        Objects.requireNonNull(span, "span");
    }
}
