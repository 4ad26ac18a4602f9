package io.basalt.server.ddl;

import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;

import java.util.Optional;

/** CREATE/DROP of schemas and tables, in the transaction they are given (the caller commits). */
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
        if (!view.tablesIn(statement.name()).isEmpty()) {
            if (statement.behavior() != DropBehavior.CASCADE) {
                throw new StatementException("2BP01", "cannot drop schema \"" + statement.name()
                        + "\" because other objects depend on it (its tables); use DROP SCHEMA … CASCADE");
            }
            for (TableEntry table : view.tablesIn(statement.name())) {
                requireNoReferencesFromOutside(transaction.view(), table, statement.name());
                transaction.dropTable(table.tableId());
            }
        }
        transaction.dropSchema(statement.name());
        return new StatementResult.RowCount("DROP SCHEMA", 0);
    }

    public static StatementResult createTable(Transaction transaction, CreateTableStatement statement, String currentSchema) {
        String schema = statement.name().schema().orElse(currentSchema);
        if (!transaction.view().hasSchema(schema)) {
            throw new StatementException("3F000", "schema \"" + schema + "\" does not exist");
        }
        if (transaction.view().table(schema, statement.name().name()).isPresent()) {
            if (statement.ifNotExists()) {
                return new StatementResult.RowCount("CREATE TABLE", 0);
            }
            throw new StatementException("42P07", "relation \"" + statement.name().name() + "\" already exists");
        }
        TableDefinition definition = TableDefinitionBuilder.build(statement, schema, transaction.view());
        transaction.createTable(definition);
        return new StatementResult.RowCount("CREATE TABLE", 0);
    }

    public static StatementResult dropTables(Transaction transaction, DropTableStatement statement, String currentSchema) {
        for (QualifiedName name : statement.names()) {
            Optional<TableEntry> table = transaction.view().table(name.schema().orElse(currentSchema), name.name());
            if (table.isEmpty()) {
                if (statement.ifExists()) {
                    continue;
                }
                throw new StatementException("42P01", "table \"" + name + "\" does not exist");
            }
            if (statement.behavior() == DropBehavior.CASCADE) {
                throw StatementException.notSupported("DROP TABLE … CASCADE (drop the referencing tables first)");
            }
            transaction.dropTable(table.get().tableId());
        }
        for (QualifiedName name : statement.names()) {
            // Checked after all drops, so that dropping a referencing and a referenced table together works.
            Optional<TableEntry> dropped = transaction.base().table(name.schema().orElse(currentSchema), name.name());
            if (dropped.isPresent()) {
                requireNoReferencesFromOutside(transaction.view(), dropped.get(), null);
            }
        }
        return new StatementResult.RowCount("DROP TABLE", 0);
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
