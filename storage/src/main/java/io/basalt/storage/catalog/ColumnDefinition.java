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
 * @param identity          the generator of an identity column (SERIAL, GENERATED … AS IDENTITY); empty for others
 */
public record ColumnDefinition(String name, LogicalType type, boolean nullable, Optional<String> defaultExpression,
                               Optional<Compression> compression, Optional<Identity> identity) {

    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(identity, "identity");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("column name must not be empty");
        }
    }

    /** A column that is not an identity column. */
    public ColumnDefinition(String name, LogicalType type, boolean nullable, Optional<String> defaultExpression,
                            Optional<Compression> compression) {
        this(name, type, nullable, defaultExpression, compression, Optional.empty());
    }

    public static ColumnDefinition of(String name, LogicalType type) {
        return new ColumnDefinition(name, type, true, Optional.empty(), Optional.empty());
    }

    public static ColumnDefinition notNull(String name, LogicalType type) {
        return new ColumnDefinition(name, type, false, Optional.empty(), Optional.empty());
    }

    public ColumnDefinition withCompression(Compression columnCompression) {
        return new ColumnDefinition(name, type, nullable, defaultExpression, Optional.of(columnCompression), identity);
    }

    public ColumnDefinition withDefault(String expression) {
        return withDefault(Optional.of(expression));
    }

    /** The column with another DEFAULT expression, or none (ALTER COLUMN … SET/DROP DEFAULT). */
    public ColumnDefinition withDefault(Optional<String> expression) {
        return new ColumnDefinition(name, type, nullable, expression, compression, identity);
    }

    public ColumnDefinition withIdentity(Identity generator) {
        return new ColumnDefinition(name, type, nullable, defaultExpression, compression, Optional.of(generator));
    }
}
