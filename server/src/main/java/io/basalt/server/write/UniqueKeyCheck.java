package io.basalt.server.write;

import io.basalt.server.StatementException;
import io.basalt.storage.DataLayout;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces a table's PRIMARY KEY and UNIQUE constraints and its UNIQUE indexes for the rows one statement appends. The statement's new keys
 * are collected in a hash set per constraint as rows arrive (a key twice among them fails at once); when the
 * statement ends, the table's live rows as the transaction sees them (after the statement's own deletions, before
 * its appends land) are read once, key columns only, and looked up in those sets. Cost: memory for the new keys (8
 * or 16 bytes each for keys of one or two integer-like columns) and one scan of the key columns per statement, never
 * a scan per row. A key with a NULL is never a duplicate (SQL's UNIQUE; a primary key has no NULLs). Rows other
 * transactions commit meanwhile are storage's concern: a commit to a keyed table that raced another append fails
 * with 40001.
 */
public final class UniqueKeyCheck {

    /**
     * One unique key (a constraint or a UNIQUE index): its name, its key columns (names and table positions) and the
     * keys this statement added.
     */
    private record Key(String name, List<String> columnNames, int[] columns, KeyColumns types, KeySet added) {

        /** Positions of the key columns in a batch read by a scan of just those columns. */
        int[] scanned() {
            return ForeignKeyCheck.scannedPositions(columns.length);
        }
    }

    private final List<Key> keys = new ArrayList<>();

    private UniqueKeyCheck(TableDefinition table, List<Constraint> constraints, List<IndexDefinition> indexes) {
        for (Constraint constraint : constraints) {
            if (!(constraint instanceof Constraint.ForeignKey)) {
                addKey(table, constraint.name(), constraint.columns());
            }
        }
        for (IndexDefinition index : indexes) {
            if (index.unique()) {
                addKey(table, index.name(), index.keyColumns());
            }
        }
    }

    private void addKey(TableDefinition table, String name, List<String> columnNames) {
        int[] columns = columnNames.stream().mapToInt(column -> table.columnIndex(column).getAsInt()).toArray();
        KeyColumns types = new KeyColumns(Arrays.stream(columns).mapToObj(c -> table.columns().get(c).type()).toList());
        keys.add(new Key(name, columnNames, columns, types, types.newSet()));
    }

    /** The check for {@code table}, or null when it has no PRIMARY KEY or UNIQUE constraint and no UNIQUE index. */
    static UniqueKeyCheck of(TableDefinition table) {
        UniqueKeyCheck check = new UniqueKeyCheck(table, table.constraints(), table.indexes());
        return check.keys.isEmpty() ? null : check;
    }

    /**
     * Fails (23505, PostgreSQL's wording for a new index) if the live rows of the table as the transaction sees them
     * repeat a key of {@code constraints} (ALTER TABLE … ADD PRIMARY KEY / UNIQUE on a table with rows).
     */
    public static void requireUniqueRows(Transaction transaction, long tableId, List<Constraint> constraints) {
        requireUniqueRows(transaction, tableId, new UniqueKeyCheck(transaction.requireTable(tableId).definition(),
                constraints, List.of()));
    }

    /** Fails (23505) if the live rows of the table as the transaction sees them repeat a key of {@code index}. */
    public static void requireUniqueRows(Transaction transaction, long tableId, IndexDefinition index) {
        requireUniqueRows(transaction, tableId, new UniqueKeyCheck(transaction.requireTable(tableId).definition(),
                List.of(), List.of(index)));
    }

    private static void requireUniqueRows(Transaction transaction, long tableId, UniqueKeyCheck check) {
        for (Key key : check.keys) {
            int[] positions = key.scanned();
            TableReader.scan(transaction.layout(), transaction.view(), tableId, key.columns(), batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (!key.added().add(batch, positions, row)) {
                        throw error(key, batch, positions, row,
                                "could not create unique index \"" + key.name() + "\"", "is duplicated.");
                    }
                }
            });
        }
    }

    /** Records the keys of new rows (whole table rows); fails on a key this statement already added. */
    void add(ColumnBatch batch) {
        for (Key key : keys) {
            for (int row = 0; row < batch.rowCount(); row++) {
                if (!key.added().add(batch, key.columns(), row)) {
                    throw duplicate(key, batch, key.columns(), row);
                }
            }
        }
    }

    /** Fails if a live row of {@code manifest}'s version of the table has a key this statement added. */
    void checkExisting(DataLayout layout, Manifest manifest, long tableId) {
        for (Key key : keys) {
            if (key.added().isEmpty()) {
                continue;
            }
            int[] positions = key.scanned();
            TableReader.scan(layout, manifest, tableId, key.columns(), batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (key.added().contains(batch, positions, row)) {
                        throw duplicate(key, batch, positions, row);
                    }
                }
            });
        }
    }

    private static StatementException duplicate(Key key, ColumnBatch batch, int[] positions, int row) {
        return error(key, batch, positions, row,
                "duplicate key value violates unique constraint \"" + key.name() + "\"", "already exists.");
    }

    /** PostgreSQL's error with its detail {@code Key (a, b)=(1, x) already exists.}, values as their text output. */
    private static StatementException error(Key key, ColumnBatch batch, int[] positions, int row, String message, String problem) {
        return new StatementException("23505", message + "\n  Detail: Key (" + String.join(", ", key.columnNames())
                + ")=(" + key.types().text(batch, positions, row) + ") " + problem);
    }
}
