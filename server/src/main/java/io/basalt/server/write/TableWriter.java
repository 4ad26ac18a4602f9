package io.basalt.server.write;

import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.vector.ColumnBatch;

import java.util.List;

/**
 * Appends one statement's new rows to a table (INSERT, COPY FROM, the new rows of UPDATE and MERGE, CREATE TABLE
 * AS): identity columns the statement does not supply are generated, PRIMARY KEY and UNIQUE constraints are checked
 * (within the statement as rows arrive, against the table's other live rows at {@link #finish}), FOREIGN KEYs are
 * checked against the parent's rows ({@link ForeignKeyCheck}), and storage
 * validates the rest (NOT NULL, lengths, ranges). All of it or, on any error, none of it lands.
 */
public final class TableWriter implements AutoCloseable {

    private final Transaction transaction;
    private final long tableId;
    private final TableAppender appender;
    private final IdentityValues identities;
    private final UniqueKeyCheck keys;
    private final ForeignKeyCheck foreignKeys;

    private TableWriter(Transaction transaction, long tableId, int threads, boolean[] generated) {
        this.transaction = transaction;
        this.tableId = tableId;
        boolean generates = false;
        for (boolean column : generated) {
            generates |= column;
        }
        this.identities = generates ? new IdentityValues(transaction, tableId, generated) : null;
        this.keys = UniqueKeyCheck.of(transaction.requireTable(tableId).definition());
        this.foreignKeys = ForeignKeyCheck.forAppends(transaction, tableId);
        this.appender = new TableAppender(transaction, tableId, transaction.requireTable(tableId).defaultPartition().partitionId(),
                threads);
    }

    /**
     * A writer to the table's default partition, writing segments on {@code threads} workers.
     *
     * @param generated per table column, whether the statement leaves it to the column's identity generator (the
     *                  rows hold a placeholder there)
     */
    public static TableWriter open(Transaction transaction, long tableId, int threads, boolean[] generated) {
        return new TableWriter(transaction, tableId, threads, generated);
    }

    /** A writer for rows that supply every column. */
    public static TableWriter open(Transaction transaction, long tableId, int threads) {
        return open(transaction, tableId, threads, new boolean[transaction.requireTable(tableId).definition().columns().size()]);
    }

    /**
     * Takes ownership of {@code batch} (the caller must not change it afterwards) and returns the rows as they are
     * stored: with the values identity columns generated (INSERT … RETURNING reads them; nobody may change them).
     */
    public ColumnBatch append(ColumnBatch batch) {
        return add(identities == null ? batch : identities.fill(batch));
    }

    /**
     * Appends rows that leave the identity columns {@code generated} (table positions) to the generator: a MERGE's
     * INSERT clause, whose other clauses' rows supply every column.
     */
    public void append(ColumnBatch batch, List<Integer> generated) {
        if (generated.isEmpty()) {
            append(batch);
            return;
        }
        boolean[] mask = new boolean[transaction.requireTable(tableId).definition().columns().size()];
        generated.forEach(column -> mask[column] = true);
        add(new IdentityValues(transaction, tableId, mask).fill(batch));
    }

    private ColumnBatch add(ColumnBatch complete) {
        if (foreignKeys != null) {
            foreignKeys.check(complete);
        }
        if (keys != null) {
            keys.add(complete);
        }
        appender.append(complete);
        return complete;
    }

    public long rowsAppended() {
        return appender.rowsAppended();
    }

    /**
     * Checks the new keys against the table's live rows as the transaction sees them now (so call it after the
     * statement's deletions) and records the new segments in the transaction.
     */
    public void finish() {
        if (keys != null) {
            keys.checkExisting(transaction.layout(), transaction.view(), tableId);
        }
        appender.finish();
        if (foreignKeys != null) {
            foreignKeys.finish();
        }
    }

    @Override
    public void close() {
        appender.close();
    }
}
