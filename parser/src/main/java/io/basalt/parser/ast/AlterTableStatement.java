package io.basalt.parser.ast;

import java.util.List;
import java.util.Objects;

/** {@code ALTER TABLE [IF EXISTS] name action}: one action per statement. */
public record AlterTableStatement(QualifiedName table, boolean ifExists, Action action, SourceSpan span)
        implements Statement {

    public AlterTableStatement {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(span, "span");
    }

    /** What ALTER TABLE changes. */
    public sealed interface Action {
    }

    /**
     * {@code ADD [COLUMN] [IF NOT EXISTS] column}; key and reference constraints written on the column are in
     * {@code constraints}, as CREATE TABLE moves them to the table's list.
     */
    public record AddColumn(ColumnDefinition column, boolean ifNotExists, List<TableConstraint> constraints)
            implements Action {
        public AddColumn {
            Objects.requireNonNull(column, "column");
            constraints = List.copyOf(constraints);
        }
    }

    /** {@code ADD [CONSTRAINT name] PRIMARY KEY | UNIQUE | FOREIGN KEY …}. */
    public record AddConstraint(TableConstraint constraint) implements Action {
        public AddConstraint {
            Objects.requireNonNull(constraint, "constraint");
        }
    }

    /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE | RESTRICT]}. */
    public record DropColumn(String name, boolean ifExists, DropBehavior behavior) implements Action {
        public DropColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(behavior, "behavior");
        }
    }

    /** {@code RENAME [COLUMN] name TO new_name}. */
    public record RenameColumn(String name, String newName) implements Action {
        public RenameColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(newName, "newName");
        }
    }

    /** {@code ALTER [COLUMN] name SET DEFAULT expression} or, with no expression, {@code … DROP DEFAULT}. */
    public record SetColumnDefault(String column, java.util.Optional<SqlFragment> expression) implements Action {
        public SetColumnDefault {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(expression, "expression");
        }
    }

    /** {@code RENAME TO new_name}. */
    public record RenameTable(String newName) implements Action {
        public RenameTable {
            Objects.requireNonNull(newName, "newName");
        }
    }
}
