package io.basalt.server.ddl;

import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.SessionSettings;
import io.basalt.server.StatementException;
import io.basalt.server.query.ColumnDefaults;
import io.basalt.server.query.QueryRunner;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.RelationName;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CREATE/DROP of schemas and tables, in the transaction they are given (the caller commits); views: {@link ViewStatements}. */
public final class SchemaStatements {

    private SchemaStatements() {
    }

    public static StatementResult createSchema(Transaction transaction, CreateSchemaStatement statement) {
        if (transaction.view().hasSchema(statement.name())) {
            if (statement.ifNotExists()) {
                return new StatementResult.RowCount("CREATE SCHEMA", 0);
            }
            throw new StatementException("42P06", "schema \"" + statement.name() + "\" already exists");
        }
        transaction.createSchema(statement.name());
        return new StatementResult.RowCount("CREATE SCHEMA", 0);
    }

    public static StatementResult dropSchema(Transaction transaction, DropSchemaStatement statement) {
        Manifest view = transaction.view();
        if (!view.hasSchema(statement.name())) {
            if (statement.ifExists()) {
                return new StatementResult.RowCount("DROP SCHEMA", 0);
            }
            throw new StatementException("3F000", "schema \"" + statement.name() + "\" does not exist");
        }
        if (statement.name().equals(Manifest.DEFAULT_SCHEMA)) {
            throw new StatementException("42501", "the default schema \"" + Manifest.DEFAULT_SCHEMA + "\" cannot be dropped");
        }
        if (!view.tablesIn(statement.name()).isEmpty() || !view.viewsIn(statement.name()).isEmpty()) {
            if (statement.behavior() != DropBehavior.CASCADE) {
                throw new StatementException("2BP01", "cannot drop schema \"" + statement.name()
                        + "\" because other objects depend on it (its tables and views); use DROP SCHEMA … CASCADE");
            }
            // Its own views go, and so do views elsewhere that read its tables or views (CASCADE).
            List<RelationName> contents = new ArrayList<>();
            view.tablesIn(statement.name()).forEach(t -> contents.add(relationName(t)));
            view.viewsIn(statement.name()).forEach(v -> contents.add(v.relationName()));
            DependentViews.dropWith(transaction, contents, DropBehavior.CASCADE, "schema");
            for (ViewDefinition schemaView : view.viewsIn(statement.name())) {
                transaction.dropView(schemaView.schema(), schemaView.name());
            }
            for (TableEntry table : view.tablesIn(statement.name())) {
                requireNoReferencesFromOutside(transaction.view(), table, statement.name());
                transaction.dropTable(table.tableId());
            }
        }
        transaction.dropSchema(statement.name());
        return new StatementResult.RowCount("DROP SCHEMA", 0);
    }

    public static StatementResult createTable(Transaction transaction, QueryRunner runner, CreateTableStatement statement,
                                              SessionSettings settings) {
        String schema = statement.name().schema().orElse(settings.schema());
        if (!transaction.view().hasSchema(schema)) {
            throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
        }
        if (transaction.view().isRelationNameTaken(schema, statement.name().name())) {
            if (statement.ifNotExists()) {
                return new StatementResult.RowCount("CREATE TABLE", 0);
            }
            throw new StatementException("42P07", "relation \"" + statement.name().name() + "\" already exists");
        }
        TableDefinition definition = TableDefinitionBuilder.build(statement, schema, transaction.view());
        for (io.basalt.storage.catalog.ColumnDefinition column : definition.columns()) {
            ColumnDefaults.validate(runner, transaction.view(), settings, column);
        }
        transaction.createTable(definition);
        return new StatementResult.RowCount("CREATE TABLE", 0);
    }

    /**
     * Drops tables; views reading them make it fail (2BP01) unless CASCADE drops them too. CASCADE does not drop
     * foreign keys of other tables yet: a table still referenced by one stays an error.
     */
    public static StatementResult dropTables(Transaction transaction, DropTableStatement statement, String currentSchema) {
        List<TableEntry> dropped = new ArrayList<>();
        for (QualifiedName name : statement.names()) {
            String schema = name.schema().orElse(currentSchema);
            Optional<TableEntry> table = transaction.view().table(schema, name.name());
            if (table.isEmpty()) {
                if (transaction.view().view(schema, name.name()).isPresent()) {
                    throw new StatementException("42809", "\"" + name.name() + "\" is not a table (use DROP VIEW)");
                }
                if (statement.ifExists()) {
                    continue;
                }
                throw new StatementException("42P01", "table \"" + name + "\" does not exist");
            }
            dropped.add(table.get());
        }
        DependentViews.dropWith(transaction, dropped.stream().map(SchemaStatements::relationName).toList(),
                statement.behavior(), "table");
        for (TableEntry table : dropped) {
            transaction.dropTable(table.tableId());
        }
        for (TableEntry table : dropped) {
            // Checked after all drops, so that dropping a referencing and a referenced table together works.
            requireNoReferencesFromOutside(transaction.view(), table, null);
        }
        return new StatementResult.RowCount("DROP TABLE", 0);
    }

    private static RelationName relationName(TableEntry table) {
        return new RelationName(table.definition().schema(), table.definition().name());
    }

    /** A table still referenced by a foreign key of a table that stays (outside {@code droppedSchema}) may not go. */
    private static void requireNoReferencesFromOutside(Manifest remaining, TableEntry table, String droppedSchema) {
        for (TableEntry other : remaining.tables().values()) {
            if (other.tableId() == table.tableId() || other.definition().schema().equals(droppedSchema)) {
                continue;
            }
            for (Constraint constraint : other.definition().constraints()) {
                if (constraint instanceof Constraint.ForeignKey foreignKey
                        && foreignKey.referencedSchema().equals(table.definition().schema())
                        && foreignKey.referencedTable().equals(table.definition().name())) {
                    throw new StatementException("2BP01", "cannot drop table " + table.definition().name()
                            + " because constraint " + foreignKey.name() + " on table " + other.definition().name()
                            + " depends on it");
                }
            }
        }
    }
}
