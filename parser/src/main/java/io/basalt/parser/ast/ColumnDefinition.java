package io.basalt.parser.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of {@code CREATE TABLE}. {@code notNull} is what was declared; a PRIMARY KEY implies NOT NULL
 * but that is for the catalog to apply. Key and reference constraints written on the column are moved to
 * the table's constraint list, so consumers find every key in one place. A {@code SERIAL} column is its integer
 * type with a BY DEFAULT identity and NOT NULL.
 */
public record ColumnDefinition(String name, TypeName type, boolean notNull, Optional<SqlFragment> defaultExpression,
                               Optional<IdentityClause> identity, SourceSpan span) {

    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(span, "span");
    }

    /** A column that is not an identity column. */
    public ColumnDefinition(String name, TypeName type, boolean notNull, Optional<SqlFragment> defaultExpression,
                            SourceSpan span) {
        this(name, type, notNull, defaultExpression, Optional.empty(), span);
    }
}
