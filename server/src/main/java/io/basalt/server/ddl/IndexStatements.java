package io.basalt.server.ddl;

import io.basalt.parser.ast.CreateIndexStatement;
import io.basalt.parser.ast.DropIndexStatement;
import io.basalt.parser.ast.IndexColumn;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.server.StatementException;
import io.basalt.server.result.StatementResult;
import io.basalt.server.write.UniqueKeyCheck;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.TableIndex;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.index.IndexBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CREATE INDEX and DROP INDEX, in the transaction they are given. An index is part of its table's definition (so DROP
 * TABLE drops it and ALTER TABLE renames or drops it with its columns), named in the schema's namespace of relations.
 */
public final class IndexStatements {

    private static final String CREATE_TAG = "CREATE INDEX";
    private static final String DROP_TAG = "DROP INDEX";

    private IndexStatements() {
    }

    public static StatementResult createIndex(Transaction transaction, CreateIndexStatement statement, String currentSchema) {
        Manifest catalog = transaction.view();
        String schema = statement.table().schema().orElse(currentSchema);
        TableEntry table = requireTable(catalog, schema, statement.table().name());
        TableDefinition definition = table.definition();
        for (IndexColumn key : statement.keys()) {
            requireColumn(definition, key.name());
        }
        statement.included().forEach(column -> requireColumn(definition, column));
        String name = statement.name().orElseGet(() -> generatedName(catalog, schema, definition.name(), statement.keys()));
        if (catalog.isRelationNameTaken(schema, name)) {
            if (statement.ifNotExists()) {
                return new StatementResult.RowCount(CREATE_TAG, 0);
            }
            throw new StatementException("42P07", "relation \"" + name + "\" already exists");
        }
        List<IndexKey> keys = statement.keys().stream().map(key -> new IndexKey(key.name(), key.descending())).toList();
        IndexDefinition index = new IndexDefinition(transaction.newIndexId(), name, statement.unique(), keys,
                statement.included());
        List<IndexDefinition> indexes = new ArrayList<>(definition.indexes());
        indexes.add(index);
        transaction.alterTable(table.tableId(), definition.withIndexes(indexes));
        if (index.unique()) {
            UniqueKeyCheck.requireUniqueRows(transaction, table.tableId(), index);
        }
        IndexBuilder.build(transaction, table.tableId(), index);
        return new StatementResult.RowCount(CREATE_TAG, 0);
    }

    /** DROP INDEX: nothing depends on an index, so CASCADE and RESTRICT drop the same. */
    public static StatementResult dropIndexes(Transaction transaction, DropIndexStatement statement, String currentSchema) {
        for (QualifiedName name : statement.names()) {
            Manifest catalog = transaction.view();
            String schema = name.schema().orElse(currentSchema);
            Optional<TableIndex> found = catalog.index(schema, name.name());
            if (found.isEmpty()) {
                if (catalog.hasRelation(schema, name.name())) {
                    throw new StatementException("42809", "\"" + name.name() + "\" is not an index");
                }
                if (statement.ifExists()) {
                    continue;
                }
                throw new StatementException("42704", "index \"" + name.name() + "\" does not exist");
            }
            TableDefinition definition = found.get().table().definition();
            List<IndexDefinition> kept = definition.indexes().stream()
                    .filter(index -> !index.name().equals(name.name())).toList();
            transaction.alterTable(found.get().table().tableId(), definition.withIndexes(kept));
        }
        return new StatementResult.RowCount(DROP_TAG, 0);
    }

    private static TableEntry requireTable(Manifest catalog, String schema, String name) {
        Optional<TableEntry> table = catalog.table(schema, name);
        if (table.isPresent()) {
            return table.get();
        }
        if (catalog.view(schema, name).isPresent()) {
            throw new StatementException("42809", "cannot create index on relation \"" + name
                    + "\"\n  Detail: This operation is not supported for views.");
        }
        throw new StatementException("42P01", "relation \"" + name + "\" does not exist");
    }

    private static void requireColumn(TableDefinition definition, String column) {
        if (definition.columnIndex(column).isEmpty()) {
            throw new StatementException("42703", "column \"" + column + "\" does not exist");
        }
    }

    /** PostgreSQL's name for an unnamed index: {@code table_col1_col2_idx}, then a number until it is free. */
    private static String generatedName(Manifest catalog, String schema, String table, List<IndexColumn> keys) {
        StringBuilder base = new StringBuilder(table);
        keys.forEach(key -> base.append('_').append(key.name()));
        base.append("_idx");
        String name = base.toString();
        for (int suffix = 1; catalog.isRelationNameTaken(schema, name); suffix++) {
            name = base.toString() + suffix;
        }
        return name;
    }
}
