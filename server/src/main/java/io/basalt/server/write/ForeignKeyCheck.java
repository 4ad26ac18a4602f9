package io.basalt.server.write;

import io.basalt.server.StatementException;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.vector.ColumnBatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces FOREIGN KEY constraints as PostgreSQL does by default (NO ACTION, MATCH SIMPLE: a key with a NULL column
 * references nothing), against the rows the transaction sees:
 *
 * <ul>
 *   <li>rows a statement appends to a referencing (child) table must have their key among the parent's rows: the
 *       parent's key columns are read once per statement into one hash set ({@link KeyColumns#newSet}) and each new
 *       row is looked up as it arrives (23503 {@code insert or update on table "c" violates foreign key constraint});
 *       a table referencing itself is checked whole when the statement ends, so that a row may reference one the
 *       same statement adds;</li>
 *   <li>after a statement removed rows of a referenced (parent) table (DELETE, UPDATE, MERGE), every child's keys
 *       must still be found among the parent's rows (23503 {@code update or delete on table "p" violates foreign key
 *       constraint … on table "c"}): one read of the parent's key columns and one of each child's.</li>
 * </ul>
 *
 * Both read other tables at the transaction's snapshot, so the transaction records what it relied on
 * ({@link Transaction#requireRowsKept}, {@link Transaction#requireNoRowsAdded}): of a child insert and a parent
 * delete running concurrently, the one that commits second fails with 40001.
 */
public final class ForeignKeyCheck {

    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Decides whether the key at a row of a batch is among a parent's keys. */
    private interface ParentKeys {
        boolean contains(ColumnBatch batch, int[] positions, int row);
    }

    /** One foreign key: the child's columns (table positions) and the parent's. */
    private record Reference(Constraint.ForeignKey key, TableEntry child, int[] childColumns, KeyColumns childTypes,
                             TableEntry parent, int[] parentColumns, KeyColumns parentTypes) {

        static Reference of(Manifest catalog, TableEntry child, Constraint.ForeignKey key) {
            TableEntry parent = catalog.table(key.referencedSchema(), key.referencedTable()).orElseThrow(() ->
                    new StatementException("42P01", "relation \"" + key.referencedTable() + "\" referenced by foreign key"
                            + " constraint \"" + key.name() + "\" does not exist"));
            int[] childColumns = positions(child.definition(), key.columns());
            int[] parentColumns = positions(parent.definition(), key.referencedColumns());
            return new Reference(key, child, childColumns, types(child.definition(), childColumns), parent, parentColumns,
                    types(parent.definition(), parentColumns));
        }

        boolean selfReference() {
            return child.tableId() == parent.tableId();
        }

        /** The parent's keys as the transaction sees them now. */
        ParentKeys readParentKeys(Transaction transaction) {
            boolean sameTypes = childTypes.sameTypes(parentTypes);
            KeySet keys = parentTypes.newSet();
            ValueKeySet values = sameTypes ? null : new ValueKeySet(parentTypes::keyAt);
            int[] scanned = scannedPositions(parentColumns.length);
            TableReader.scan(transaction.layout(), transaction.view(), parent.tableId(), parentColumns, batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (sameTypes) {
                        keys.add(batch, scanned, row);
                    } else {
                        values.add(batch, scanned, row);
                    }
                }
            });
            // Keys of different column types (INTEGER and BIGINT) compare as values.
            return sameTypes ? keys::contains
                    : (batch, positions, row) -> values.containsValue(childTypes.keyAt(batch, positions, row));
        }

        /** Whether the key at {@code row} has a NULL column, which makes it reference nothing. */
        static boolean hasNull(ColumnBatch batch, int[] positions, int row) {
            for (int position : positions) {
                if (batch.column(position).isNull(row)) {
                    return true;
                }
            }
            return false;
        }

        StatementException notPresent(ColumnBatch batch, int[] positions, int row) {
            return new StatementException(FOREIGN_KEY_VIOLATION, "insert or update on table \"" + child.definition().name()
                    + "\" violates foreign key constraint \"" + key.name() + "\"\n  Detail: Key ("
                    + String.join(", ", key.columns()) + ")=(" + childTypes.text(batch, positions, row)
                    + ") is not present in table \"" + parent.definition().name() + "\".");
        }

        StatementException stillReferenced(ColumnBatch batch, int[] positions, int row) {
            return new StatementException(FOREIGN_KEY_VIOLATION, "update or delete on table \"" + parent.definition().name()
                    + "\" violates foreign key constraint \"" + key.name() + "\" on table \"" + child.definition().name()
                    + "\"\n  Detail: Key (" + String.join(", ", key.referencedColumns()) + ")=("
                    + childTypes.text(batch, positions, row) + ") is still referenced from table \""
                    + child.definition().name() + "\".");
        }

        /**
         * Reads the child's keys and fails on the first one missing from the parent, with the child's error
         * ({@code removed} false) or the parent's ({@code removed} true: the statement removed parent rows).
         */
        void validateAll(Transaction transaction, boolean removed) {
            ParentKeys keys = readParentKeys(transaction);
            int[] scanned = scannedPositions(childColumns.length);
            TableReader.scan(transaction.layout(), transaction.view(), child.tableId(), childColumns, batch -> {
                for (int row = 0; row < batch.rowCount(); row++) {
                    if (!hasNull(batch, scanned, row) && !keys.contains(batch, scanned, row)) {
                        throw removed ? stillReferenced(batch, scanned, row) : notPresent(batch, scanned, row);
                    }
                }
            });
        }
    }

    private final Transaction transaction;
    private final List<Reference> references;
    /** Per reference, the parent's keys once a new row needed them (null before). */
    private final ParentKeys[] parentKeys;
    private boolean appended;

    private ForeignKeyCheck(Transaction transaction, List<Reference> references) {
        this.transaction = transaction;
        this.references = references;
        this.parentKeys = new ParentKeys[references.size()];
    }

    /** The check of rows appended to {@code tableId}, or null when the table has no foreign key. */
    static ForeignKeyCheck forAppends(Transaction transaction, long tableId) {
        TableEntry child = transaction.requireTable(tableId);
        List<Reference> references = new ArrayList<>();
        for (Constraint constraint : child.definition().constraints()) {
            if (constraint instanceof Constraint.ForeignKey key) {
                references.add(Reference.of(transaction.view(), child, key));
            }
        }
        return references.isEmpty() ? null : new ForeignKeyCheck(transaction, references);
    }

    /** Checks new rows (whole table rows) against their parents; fails on the first key not found. */
    void check(ColumnBatch batch) {
        appended |= batch.rowCount() > 0;
        for (int i = 0; i < references.size(); i++) {
            Reference reference = references.get(i);
            if (reference.selfReference()) {
                continue;
            }
            for (int row = 0; row < batch.rowCount(); row++) {
                if (Reference.hasNull(batch, reference.childColumns(), row)) {
                    continue;
                }
                if (parentKeys[i] == null) {
                    parentKeys[i] = reference.readParentKeys(transaction);
                    transaction.requireRowsKept(reference.parent().tableId());
                }
                if (!parentKeys[i].contains(batch, reference.childColumns(), row)) {
                    throw reference.notPresent(batch, reference.childColumns(), row);
                }
            }
        }
    }

    /** When the new rows are in the transaction: a table referencing itself is checked whole. */
    void finish() {
        if (!appended) {
            return;
        }
        for (Reference reference : references) {
            if (reference.selfReference()) {
                reference.validateAll(transaction, false);
            }
        }
    }

    /**
     * After a statement removed rows of {@code tableId}: fails if a row of a table referencing it (itself too) still
     * references a key no longer there.
     */
    public static void afterRemovals(Transaction transaction, long tableId) {
        TableEntry parent = transaction.requireTable(tableId);
        Manifest catalog = transaction.view();
        for (TableEntry child : catalog.tables().values()) {
            for (Constraint constraint : child.definition().constraints()) {
                if (constraint instanceof Constraint.ForeignKey key
                        && key.referencedSchema().equals(parent.definition().schema())
                        && key.referencedTable().equals(parent.definition().name())) {
                    Reference.of(catalog, child, key).validateAll(transaction, true);
                    transaction.requireNoRowsAdded(child.tableId());
                }
            }
        }
    }

    /** Checks every row of {@code tableId} against foreign key {@code key} (ALTER TABLE … ADD FOREIGN KEY). */
    public static void requireReferencedRows(Transaction transaction, long tableId, Constraint.ForeignKey key) {
        Reference reference = Reference.of(transaction.view(), transaction.requireTable(tableId), key);
        reference.validateAll(transaction, false);
        transaction.requireRowsKept(reference.parent().tableId());
    }

    private static int[] positions(TableDefinition table, List<String> columns) {
        return columns.stream().mapToInt(name -> table.columnIndex(name).orElseThrow(() ->
                new StatementException("42703", "column \"" + name + "\" of relation \"" + table.name()
                        + "\" does not exist"))).toArray();
    }

    private static KeyColumns types(TableDefinition table, int[] columns) {
        return new KeyColumns(Arrays.stream(columns).mapToObj(c -> table.columns().get(c).type()).toList());
    }

    /** Positions of the key columns in a batch read by a scan of just those columns. */
    static int[] scannedPositions(int count) {
        int[] positions = new int[count];
        Arrays.setAll(positions, i -> i);
        return positions;
    }
}
