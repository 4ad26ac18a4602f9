package io.basalt.server.write;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ConstantEvaluation;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.server.StatementException;
import io.basalt.storage.DataLayout;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Enforces a table's PRIMARY KEY and UNIQUE constraints for the rows one statement appends. The statement's new keys
 * are collected in a hash set per constraint as rows arrive (a key twice among them fails at once); when the
 * statement ends, the table's live rows as the transaction sees them (after the statement's own deletions, before
 * its appends land) are read once, key columns only, and looked up in those sets. Cost: memory for the new keys and
 * one scan of the key columns per statement, never a scan per row. A key with a NULL is never a duplicate (SQL's
 * UNIQUE; a primary key has no NULLs). Rows other transactions commit meanwhile are storage's concern: a commit to a
 * keyed table that raced another append fails with 40001.
 */
public final class UniqueKeyCheck {

    /** One constraint: its key columns and the keys this statement added. */
    private record Key(Constraint constraint, int[] columns, Set<Object> added) {
    }

    private final TableDefinition table;
    private final List<Key> keys = new ArrayList<>();

    private UniqueKeyCheck(TableDefinition table, List<Constraint> constraints) {
        this.table = table;
        for (Constraint constraint : constraints) {
            if (constraint instanceof Constraint.ForeignKey) {
                continue;
            }
            int[] columns = constraint.columns().stream().mapToInt(name -> table.columnIndex(name).getAsInt()).toArray();
            keys.add(new Key(constraint, columns, new HashSet<>()));
        }
    }

    /** The check for {@code table}, or null when it has no PRIMARY KEY or UNIQUE constraint. */
    static UniqueKeyCheck of(TableDefinition table) {
        UniqueKeyCheck check = new UniqueKeyCheck(table, table.constraints());
        return check.keys.isEmpty() ? null : check;
    }

    /**
     * Fails (23505, PostgreSQL's wording for a new index) if the live rows of the table as the transaction sees them
     * repeat a key of {@code constraints} (ALTER TABLE … ADD PRIMARY KEY / UNIQUE on a table with rows).
     */
    public static void requireUniqueRows(Transaction transaction, long tableId, List<Constraint> constraints) {
        TableDefinition table = transaction.requireTable(tableId).definition();
        UniqueKeyCheck check = new UniqueKeyCheck(table, constraints);
        for (Key key : check.keys) {
            TableReader.scan(transaction.layout(), transaction.view(), tableId, key.columns(), batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    Object value = check.keyAt(batch, key.columns(), row, true);
                    if (value != null && !key.added().add(value)) {
                        throw check.error(key, value, "could not create unique index \"" + key.constraint().name() + "\"",
                                "is duplicated.");
                    }
                }
            });
        }
    }

    /** Records the keys of new rows; fails on a key this statement already added. */
    void add(ColumnBatch batch) {
        for (Key key : keys) {
            for (int row = 0; row < batch.rowCount(); row++) {
                Object value = keyAt(batch, key.columns(), row, false);
                if (value != null && !key.added().add(value)) {
                    throw duplicate(key, value);
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
            TableReader.scan(layout, manifest, tableId, key.columns(), batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    Object value = keyAt(batch, key.columns(), row, true);
                    if (value != null && key.added().contains(value)) {
                        throw duplicate(key, value);
                    }
                }
            });
        }
    }

    /**
     * The key of one row (the value itself for one column, a list for several), or null when a column is NULL.
     *
     * @param read whether {@code batch} holds only the key columns, in key order (a scan), or whole rows
     */
    private Object keyAt(ColumnBatch batch, int[] columns, int row, boolean read) {
        if (columns.length == 1) {
            return valueAt(batch, read ? 0 : columns[0], columns[0], row);
        }
        List<Object> values = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            Object value = valueAt(batch, read ? i : columns[i], columns[i], row);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private Object valueAt(ColumnBatch batch, int position, int column, int row) {
        LogicalType type = table.columns().get(column).type();
        Object value = Literal.at(batch.column(position), row, type).value();
        if (value instanceof String text && type.kind() == TypeKind.CHAR) {
            // Storage keeps CHAR values without trailing blanks, and they do not count in comparisons.
            return text.stripTrailing();
        }
        if (value instanceof Double number && number == 0.0) {
            return 0.0; // -0.0 = 0.0 in SQL
        }
        return value;
    }

    private StatementException duplicate(Key key, Object value) {
        return error(key, value, "duplicate key value violates unique constraint \"" + key.constraint().name() + "\"",
                "already exists.");
    }

    /** PostgreSQL's error with its detail {@code Key (a, b)=(1, x) already exists.}, values as their text output. */
    @SuppressWarnings("unchecked")
    private StatementException error(Key key, Object value, String message, String problem) {
        List<Object> values = key.columns().length == 1 ? List.of(value) : (List<Object>) value;
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            LogicalType type = table.columns().get(key.columns()[i]).type();
            Literal literal = new Literal(values.get(i), type);
            texts.add((String) ConstantEvaluation.evaluate(Call.of(Function.CAST, LogicalType.TEXT, literal)).value());
        }
        return new StatementException("23505", message + "\n  Detail: Key (" + String.join(", ", key.constraint().columns())
                + ")=(" + String.join(", ", texts) + ") " + problem);
    }
}
