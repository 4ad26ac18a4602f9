package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code INSERT INTO table [(columns)] [OVERRIDING {SYSTEM | USER} VALUE] source [RETURNING items]}, where the source
 * is everything after the column list up to RETURNING ({@code VALUES (…), (…)} or a query), left as text for Calcite,
 * or {@code DEFAULT VALUES}. No columns means all, in table order.
 *
 * @param valuesRows when the source is {@code VALUES} with the keyword {@code DEFAULT} as an item, its rows item by
 *                   item (a {@code DEFAULT} item's text is {@code DEFAULT}), so that the items can be replaced;
 *                   empty otherwise
 * @param returning  the select list after RETURNING ({@code *}, {@code id}, {@code id, upper(name) AS n}), evaluated
 *                   over the inserted rows; empty when the statement has no RETURNING
 */
public record InsertStatement(QualifiedName table, List<String> columns, Overriding overriding, boolean defaultValues,
                              SqlFragment source, List<List<SqlFragment>> valuesRows, Optional<SqlFragment> returning,
                              SourceSpan span)
        implements Statement {

    /** Whether an explicit value for an identity column replaces the generated one. */
    public enum Overriding {
        /** No OVERRIDING clause: GENERATED ALWAYS columns refuse explicit values. */
        NONE,
        /** {@code OVERRIDING SYSTEM VALUE}: explicit values win, also for GENERATED ALWAYS columns. */
        SYSTEM_VALUE,
        /** {@code OVERRIDING USER VALUE}: explicit values for identity columns are ignored, generated ones used. */
        USER_VALUE
    }

    public InsertStatement {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(overriding, "overriding");
        Objects.requireNonNull(source, "source");
        valuesRows = valuesRows.stream().map(List::copyOf).toList();
        Objects.requireNonNull(returning, "returning");
        Objects.requireNonNull(span, "span");
    }

    /** {@code INSERT INTO table [(columns)] query}. */
    public InsertStatement(QualifiedName table, List<String> columns, SqlFragment source, SourceSpan span) {
        this(table, columns, Overriding.NONE, false, source, List.of(), Optional.empty(), span);
    }

    /** Whether a {@code DEFAULT} item appears in the VALUES list. */
    public boolean hasDefaultItems() {
        return !valuesRows.isEmpty();
    }
}
