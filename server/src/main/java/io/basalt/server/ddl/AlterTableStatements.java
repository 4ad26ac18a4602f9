package io.basalt.server.ddl;

import io.basalt.parser.ast.AlterTableStatement;
import io.basalt.parser.ast.AlterTableStatement.AddColumn;
import io.basalt.parser.ast.AlterTableStatement.AddConstraint;
import io.basalt.parser.ast.AlterTableStatement.DropColumn;
import io.basalt.parser.ast.AlterTableStatement.RenameColumn;
import io.basalt.parser.ast.AlterTableStatement.RenameTable;
import io.basalt.parser.ast.AlterTableStatement.SetColumnDefault;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.server.query.ColumnDefaults;
import io.basalt.server.query.TimeFunctions;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.PrimaryKeyConstraint;
import io.basalt.parser.ast.TableConstraint;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.query.GeneratedSql;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.query.TableRewrite;
import io.basalt.server.result.StatementResult;
import io.basalt.server.write.ForeignKeyCheck;
import io.basalt.server.write.UniqueKeyCheck;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ALTER TABLE, in the transaction it is given. Renames and new constraints change only the catalog; adding or
 * dropping a column also rewrites the table's segments ({@link TableRewrite}), so every segment always has its
 * table's columns. Views reading the table are planned again afterwards ({@link DependentViews}).
 */
public final class AlterTableStatements {

    private static final String TAG = "ALTER TABLE";

    private AlterTableStatements() {
    }

    public static StatementResult alter(Transaction transaction, QueryRunner runner, AlterTableStatement statement,
                                        SessionSettings settings, AtomicBoolean cancelled) {
        Manifest catalog = transaction.view();
        String schema = statement.table().schema().orElse(settings.schema());
        String name = statement.table().name();
        if (catalog.view(schema, name).isPresent()) {
            throw new StatementException("42809", "\"" + name + "\" is not a table");
        }
        Optional<TableEntry> found = catalog.table(schema, name);
        if (found.isEmpty()) {
            if (statement.ifExists()) {
                return new StatementResult.RowCount(TAG, 0);
            }
            throw new StatementException("42P01", "relation \"" + name + "\" does not exist");
        }
        TableEntry table = found.get();
        AlterTableStatement.Action action = statement.action();
        if (action instanceof RenameTable rename) {
            renameTable(transaction, table, rename.newName());
        } else if (action instanceof RenameColumn rename) {
            renameColumn(transaction, runner, table, rename);
        } else if (action instanceof AddConstraint add) {
            addConstraints(transaction, runner, table, List.of(add.constraint()), settings, cancelled);
        } else if (action instanceof AddColumn add) {
            addColumn(transaction, runner, table, add, settings, cancelled);
        } else if (action instanceof SetColumnDefault set) {
            setColumnDefault(transaction, runner, table, set, settings);
        } else {
            dropColumn(transaction, runner, table, (DropColumn) action, settings, cancelled);
        }
        return new StatementResult.RowCount(TAG, 0);
    }

    /** Views name tables in their text, so a table a view reads keeps its name (PostgreSQL follows the rename). */
    private static void renameTable(Transaction transaction, TableEntry table, String newName) {
        TableDefinition definition = table.definition();
        if (transaction.view().isRelationNameTaken(definition.schema(), newName)) {
            throw new StatementException("42P07", "relation \"" + newName + "\" already exists");
        }
        refuseIfViewsRead(transaction, table, "rename table " + definition.name());
        transaction.alterTable(table.tableId(), definition.renamed(newName));
        for (TableEntry other : transaction.view().tables().values()) {
            List<Constraint> constraints = new ArrayList<>();
            boolean changed = false;
            for (Constraint constraint : other.definition().constraints()) {
                if (references(constraint, definition)) {
                    Constraint.ForeignKey key = (Constraint.ForeignKey) constraint;
                    constraint = new Constraint.ForeignKey(key.name(), key.columns(), key.referencedSchema(), newName,
                            key.referencedColumns());
                    changed = true;
                }
                constraints.add(constraint);
            }
            if (changed) {
                transaction.alterTable(other.tableId(), withConstraints(other.definition(), constraints));
            }
        }
    }

    private static void renameColumn(Transaction transaction, QueryRunner runner, TableEntry table, RenameColumn rename) {
        TableDefinition definition = table.definition();
        int index = requireColumn(definition, rename.name());
        if (definition.columnIndex(rename.newName()).isPresent()) {
            throw new StatementException("42701", "column \"" + rename.newName() + "\" of relation \"" + definition.name()
                    + "\" already exists");
        }
        if (isReferencedFromOutside(transaction.view(), definition, rename.name())) {
            throw new StatementException("2BP01", "cannot rename column " + rename.name()
                    + " because a foreign key of another table references it");
        }
        List<ColumnDefinition> columns = new ArrayList<>(definition.columns());
        ColumnDefinition old = columns.get(index);
        columns.set(index, new ColumnDefinition(rename.newName(), old.type(), old.nullable(), old.defaultExpression(),
                old.compression(), old.identity()));
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint constraint : definition.constraints()) {
            constraints.add(ConstraintColumns.renamed(constraint, rename.name(), rename.newName()));
        }
        // As PostgreSQL: indexes keep working under the column's new name.
        List<IndexDefinition> indexes = definition.indexes().stream()
                .map(existing -> existing.withColumnRenamed(rename.name(), rename.newName())).toList();
        transaction.alterTable(table.tableId(), new TableDefinition(definition.schema(), definition.name(), columns,
                constraints, definition.options(), indexes));
        DependentViews.requireStillValid(transaction, runner, relationName(definition), DropBehavior.RESTRICT,
                "rename column " + rename.name() + " of table " + definition.name());
    }

    /**
     * {@code ALTER COLUMN … SET DEFAULT / DROP DEFAULT}: only the definition changes, existing rows keep their values.
     * An identity column's generator is its default; PostgreSQL refuses a DEFAULT on it (42601), and so does this.
     */
    private static void setColumnDefault(Transaction transaction, QueryRunner runner, TableEntry table, SetColumnDefault set,
                                         SessionSettings settings) {
        TableDefinition definition = table.definition();
        int index = requireColumn(definition, set.column());
        ColumnDefinition column = definition.columns().get(index);
        if (set.expression().isPresent() && column.identity().isPresent()) {
            throw new StatementException("42601", "column \"" + column.name() + "\" of relation \"" + definition.name()
                    + "\" is an identity column");
        }
        ColumnDefinition changed = column.withDefault(set.expression().map(SqlFragment::text));
        ColumnDefaults.validate(runner, transaction.view(), settings, changed);
        List<ColumnDefinition> columns = new ArrayList<>(definition.columns());
        columns.set(index, changed);
        transaction.alterTable(table.tableId(), withColumns(definition, columns, definition.constraints()));
    }

    private static void addColumn(Transaction transaction, QueryRunner runner, TableEntry table, AddColumn add,
                                  SessionSettings settings, AtomicBoolean cancelled) {
        TableDefinition definition = table.definition();
        if (definition.columnIndex(add.column().name()).isPresent()) {
            if (add.ifNotExists()) {
                return;
            }
            throw new StatementException("42701", "column \"" + add.column().name() + "\" of relation \""
                    + definition.name() + "\" already exists");
        }
        boolean inPrimaryKey = add.constraints().stream().anyMatch(c -> c instanceof PrimaryKeyConstraint);
        ColumnDefinition column = TableDefinitionBuilder.column(add.column(), inPrimaryKey);
        if (column.identity().isPresent() && table.rowCount() > 0) {
            throw StatementException.notSupported("adding an identity column to a table that has rows");
        }
        ColumnDefaults.validate(runner, transaction.view(), settings, column);
        if (!column.nullable() && column.defaultExpression().isEmpty() && table.rowCount() > 0) {
            throw new StatementException("23502", "column \"" + column.name() + "\" of relation \"" + definition.name()
                    + "\" contains null values");
        }
        Manifest before = transaction.view();
        List<ColumnDefinition> columns = new ArrayList<>(definition.columns());
        columns.add(column);
        TableDefinition added = withColumns(definition, columns, definition.constraints());
        List<String> expressions = oldColumns(definition, null);
        expressions.add(column.defaultExpression().map(text -> "(" + TimeFunctions.bind(text, Instant.now()) + ")").orElse("NULL"));
        transaction.alterTable(table.tableId(), added);
        TableRewrite.rewrite(transaction, runner, settings, before, table, added, expressions, cancelled);
        if (!add.constraints().isEmpty()) {
            addConstraints(transaction, runner, transaction.requireTable(table.tableId()), add.constraints(), settings,
                    cancelled);
        }
    }

    private static void dropColumn(Transaction transaction, QueryRunner runner, TableEntry table, DropColumn drop,
                                   SessionSettings settings, AtomicBoolean cancelled) {
        TableDefinition definition = table.definition();
        if (definition.columnIndex(drop.name()).isEmpty() && drop.ifExists()) {
            return;
        }
        int index = requireColumn(definition, drop.name());
        if (definition.columns().size() == 1) {
            throw StatementException.notSupported("dropping the only column of table \"" + definition.name() + "\"");
        }
        if (isReferencedFromOutside(transaction.view(), definition, drop.name())) {
            throw new StatementException("2BP01", "cannot drop column " + drop.name() + " of table " + definition.name()
                    + " because a foreign key of another table references it");
        }
        Manifest before = transaction.view();
        List<ColumnDefinition> columns = new ArrayList<>(definition.columns());
        columns.remove(index);
        // As PostgreSQL: the table's own keys and indexes over the column go with it.
        List<Constraint> constraints = definition.constraints().stream().filter(c -> !c.columns().contains(drop.name()))
                .toList();
        TableDefinition dropped = withColumns(definition, columns, constraints);
        transaction.alterTable(table.tableId(), dropped);
        DependentViews.requireStillValid(transaction, runner, relationName(definition), drop.behavior(),
                "drop column " + drop.name() + " of table " + definition.name());
        TableRewrite.rewrite(transaction, runner, settings, before, table, dropped, oldColumns(definition, drop.name()),
                cancelled);
    }

    /**
     * Adds keys. The table's rows must already be unique (23505 otherwise, as PostgreSQL's index build); a primary key
     * makes its columns NOT NULL, which rewriting the rows checks.
     */
    private static void addConstraints(Transaction transaction, QueryRunner runner, TableEntry table,
                                       List<TableConstraint> added, SessionSettings settings, AtomicBoolean cancelled) {
        TableDefinition definition = table.definition();
        List<Constraint> constraints = new ArrayList<>(definition.constraints());
        List<ColumnDefinition> columns = new ArrayList<>(definition.columns());
        List<Constraint> keys = new ArrayList<>();
        boolean nullsForbidden = false;
        for (TableConstraint constraint : added) {
            for (String column : constraint.columns()) {
                requireColumn(definition, column);
            }
            Constraint converted = TableDefinitionBuilder.toConstraint(definition.name(), definition.schema(), constraint,
                    columns, transaction.view());
            if (converted instanceof Constraint.PrimaryKey
                    && constraints.stream().anyMatch(c -> c instanceof Constraint.PrimaryKey)) {
                throw new StatementException("42P16", "multiple primary keys for table \"" + definition.name()
                        + "\" are not allowed");
            }
            if (constraints.stream().anyMatch(c -> c.name().equals(converted.name()))) {
                throw new StatementException("42710", "constraint \"" + converted.name() + "\" for relation \""
                        + definition.name() + "\" already exists");
            }
            if (converted instanceof Constraint.PrimaryKey) {
                for (String name : converted.columns()) {
                    int index = definition.columnIndex(name).getAsInt();
                    ColumnDefinition column = columns.get(index);
                    nullsForbidden |= column.nullable();
                    columns.set(index, new ColumnDefinition(column.name(), column.type(), false,
                            column.defaultExpression(), column.compression(), column.identity()));
                }
            }
            constraints.add(converted);
            if (!(converted instanceof Constraint.ForeignKey)) {
                keys.add(converted);
            }
        }
        Manifest before = transaction.view();
        TableDefinition altered = withColumns(definition, columns, constraints);
        transaction.alterTable(table.tableId(), altered);
        UniqueKeyCheck.requireUniqueRows(transaction, table.tableId(), keys);
        for (Constraint constraint : constraints.subList(constraints.size() - added.size(), constraints.size())) {
            if (constraint instanceof Constraint.ForeignKey key) {
                // As PostgreSQL: the rows already there must reference existing rows.
                ForeignKeyCheck.requireReferencedRows(transaction, table.tableId(), key);
            }
        }
        if (nullsForbidden) {
            // Storage checks NOT NULL as it writes, so writing the rows again is the check.
            TableRewrite.rewrite(transaction, runner, settings, before, table, altered, oldColumns(definition, null),
                    cancelled);
        }
    }

    private static List<String> oldColumns(TableDefinition definition, String except) {
        List<String> expressions = new ArrayList<>();
        for (ColumnDefinition column : definition.columns()) {
            if (!column.name().equals(except)) {
                expressions.add(GeneratedSql.quoted(column.name()));
            }
        }
        return expressions;
    }

    private static int requireColumn(TableDefinition definition, String column) {
        return definition.columnIndex(column).orElseThrow(() -> new StatementException("42703", "column \"" + column
                + "\" of relation \"" + definition.name() + "\" does not exist"));
    }

    private static void refuseIfViewsRead(Transaction transaction, TableEntry table, String change) {
        var views = transaction.view().viewsDependingOn(relationName(table.definition()));
        if (!views.isEmpty()) {
            throw new StatementException("2BP01", "cannot " + change + " because view " + views.get(0).name()
                    + " depends on it");
        }
    }

    private static boolean isReferencedFromOutside(Manifest catalog, TableDefinition table, String column) {
        for (TableEntry other : catalog.tables().values()) {
            for (Constraint constraint : other.definition().constraints()) {
                if (references(constraint, table) && !other.definition().name().equals(table.name())
                        && ((Constraint.ForeignKey) constraint).referencedColumns().contains(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean references(Constraint constraint, TableDefinition table) {
        return constraint instanceof Constraint.ForeignKey key && key.referencedSchema().equals(table.schema())
                && key.referencedTable().equals(table.name());
    }

    private static RelationName relationName(TableDefinition definition) {
        return new RelationName(definition.schema(), definition.name());
    }

    private static TableDefinition withConstraints(TableDefinition definition, List<Constraint> constraints) {
        return withColumns(definition, definition.columns(), constraints);
    }

    private static TableDefinition withColumns(TableDefinition definition, List<ColumnDefinition> columns,
                                               List<Constraint> constraints) {
        return definition.withColumns(columns, constraints);
    }
}
