package io.basalt.server.transaction;

import io.basalt.server.StatementException;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.Snapshot;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.index.IndexMaintenance;

import java.util.function.Function;

/**
 * A session's transaction state: where its statements read and write. In auto-commit mode (the default) every
 * statement that writes runs in a storage transaction of its own and commits at its end, and every read pins the
 * newest version. {@code BEGIN} (or auto-commit off, as JDBC does it) opens one storage transaction that the
 * following statements share: they read its snapshot plus their own changes, and their changes become visible to
 * others only at {@code COMMIT}, all at once; a commit that meets a concurrent change to a table it rewrote fails
 * with 40001 and nothing of the transaction lands. A statement that fails inside a transaction aborts it (as
 * PostgreSQL does): every statement but COMMIT and ROLLBACK is refused with 25P02 until it ends, and COMMIT then
 * rolls back. Not thread-safe: one session runs one statement at a time.
 */
public final class TransactionScope {

    /** SQLSTATE of a statement in an aborted transaction. */
    public static final String IN_FAILED_TRANSACTION = "25P02";

    private final StorageEngine storage;
    private Transaction open;
    private boolean aborted;
    private boolean autoCommit = true;

    public TransactionScope(StorageEngine storage) {
        this.storage = storage;
    }

    /** Whether a transaction is open (BEGIN, or a statement with auto-commit off). */
    public boolean inTransaction() {
        return open != null;
    }

    /** {@code BEGIN}: opens a transaction; inside one it changes nothing (PostgreSQL only warns). */
    public void begin() {
        if (open == null) {
            open = storage.begin();
            aborted = false;
        }
    }

    /**
     * {@code COMMIT}: publishes the open transaction's changes; returns the command tag, {@code ROLLBACK} when the
     * transaction had failed and was rolled back instead (as PostgreSQL answers). A conflict fails with 40001 and
     * leaves the transaction rolled back. Without a transaction it does nothing.
     */
    public String commit() {
        if (open == null) {
            return "COMMIT";
        }
        Transaction ending = open;
        boolean failed = aborted;
        open = null;
        aborted = false;
        if (failed) {
            ending.rollback();
            return "ROLLBACK";
        }
        try {
            refreshIndexes(ending);
        } catch (RuntimeException e) {
            ending.rollback();
            throw e;
        }
        ending.commit();
        return "COMMIT";
    }

    /** {@code ROLLBACK}: discards the open transaction's changes; without one it does nothing. */
    public void rollback() {
        if (open != null) {
            Transaction ending = open;
            open = null;
            aborted = false;
            ending.rollback();
        }
    }

    /** JDBC's auto-commit: switching it on commits an open transaction; off, the next statement opens one. */
    public void setAutoCommit(boolean on) {
        if (on && open != null) {
            commit();
        }
        autoCommit = on;
    }

    public boolean autoCommit() {
        return autoCommit;
    }

    /**
     * Called before each statement runs: refuses it with 25P02 in an aborted transaction (unless it ends the
     * transaction), and with auto-commit off opens the transaction it will run in.
     */
    public void beforeStatement(boolean endsTransaction) {
        if (aborted && !endsTransaction) {
            throw new StatementException(IN_FAILED_TRANSACTION,
                    "current transaction is aborted, commands ignored until end of transaction block");
        }
        if (!autoCommit && open == null && !endsTransaction) {
            begin();
        }
    }

    /** Called when a statement failed: an open transaction is aborted. */
    public void statementFailed() {
        if (open != null) {
            aborted = true;
        }
    }

    /** The catalog statements are planned against: the open transaction's view, or the newest version. */
    public Manifest catalog() {
        return open != null ? open.view() : storage.current();
    }

    /** The version a reading statement sees; close it when the statement's rows are read. */
    public ReadView read() {
        if (open != null) {
            Manifest view = open.view();
            return new ReadView() {
                @Override
                public Manifest manifest() {
                    return view;
                }

                @Override
                public void close() {
                    // the transaction keeps its snapshot pinned
                }
            };
        }
        Snapshot snapshot = storage.snapshot();
        return new ReadView() {
            @Override
            public Manifest manifest() {
                return snapshot.manifest();
            }

            @Override
            public void close() {
                snapshot.close();
            }
        };
    }

    /**
     * Runs a writing statement: in the open transaction, or in one of its own that commits when {@code work}
     * returns (and rolls back if it throws).
     */
    public <T> T write(Function<Transaction, T> work) {
        if (open != null) {
            return work.apply(open);
        }
        try (Transaction own = storage.begin()) {
            T result = work.apply(own);
            refreshIndexes(own);
            own.commit();
            return result;
        }
    }

    /** Indexes are rebuilt at the commit of the write that made them stale (see {@link IndexMaintenance}). */
    private static void refreshIndexes(Transaction transaction) {
        if (transaction.hasChanges()) {
            IndexMaintenance.refreshStale(transaction);
        }
    }
}
