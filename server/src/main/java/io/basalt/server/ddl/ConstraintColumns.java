package io.basalt.server.ddl;

import io.basalt.storage.catalog.Constraint;

import java.util.List;

/** A constraint with one of its table's columns renamed (ALTER TABLE … RENAME COLUMN). */
final class ConstraintColumns {

    private ConstraintColumns() {
    }

    static Constraint renamed(Constraint constraint, String column, String newName) {
        List<String> columns = constraint.columns().stream().map(c -> c.equals(column) ? newName : c).toList();
        if (constraint instanceof Constraint.PrimaryKey key) {
            return new Constraint.PrimaryKey(key.name(), columns);
        }
        if (constraint instanceof Constraint.Unique unique) {
            return new Constraint.Unique(unique.name(), columns);
        }
        Constraint.ForeignKey key = (Constraint.ForeignKey) constraint;
        return new Constraint.ForeignKey(key.name(), columns, key.referencedSchema(), key.referencedTable(),
                key.referencedColumns());
    }
}
