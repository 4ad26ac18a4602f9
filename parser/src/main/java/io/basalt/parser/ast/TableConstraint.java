package io.basalt.parser.ast;

import java.util.List;
import java.util.Optional;

/** A key constraint of {@code CREATE TABLE}, whether written on a column or as a table element. */
public sealed interface TableConstraint permits PrimaryKeyConstraint, UniqueConstraint, ForeignKeyConstraint {

    /** The name given with {@code CONSTRAINT name}, if any. */
    Optional<String> name();

    /** The constrained columns of this table, in key order. */
    List<String> columns();

    SourceSpan span();
}
