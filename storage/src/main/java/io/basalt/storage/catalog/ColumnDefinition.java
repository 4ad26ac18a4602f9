package io.basalt.storage.catalog;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.type.LogicalType;

import java.util.Objects;
import java.util.Optional;

/**
 * A column of a table as the catalog keeps it.
 *
 * @param defaultExpression the SQL text of the DEFAULT clause, kept as text because only the planner can
 *                          evaluate it; empty when the column has none
 * @param compression       a column-level compression choice; empty means the table's
 */
public record ColumnDefinition(String name, LogicalType type, boolean nullable, Optional<String> defaultExpression,
                               Optional<Compression> compression) {

    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(compression, "compression");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
    }

    public static ColumnDefinition of(String name, LogicalType type) {
        return new ColumnDefinition(name, type, true, Optional.empty(), Optional.empty());
    }

    public static ColumnDefinition notNull(String name, LogicalType type) {
        return new ColumnDefinition(name, type, false, Optional.empty(), Optional.empty());
    }

    public ColumnDefinition withCompression(Compression columnCompression) {
        return new ColumnDefinition(name, type, nullable, defaultExpression, Optional.of(columnCompression));
    }

    public ColumnDefinition withDefault(String expression) {
        return new ColumnDefinition(name, type, nullable, Optional.of(expression), compression);
    }
}
