package io.basalt.storage.commit;

import io.basalt.storage.DataLayout;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.ViewDefinition;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.deletion.DeletionVectorFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A unit of change with snapshot isolation. It reads the version pinned when it began plus its own changes
 * ({@link #view()}); writes go to new files that no published version references until {@link #commit()}
 * publishes them all in one manifest. Rolling back, or a crash before commit, leaves only unreferenced
 * files, which are swept. Not thread-safe: one thread drives a transaction (appenders may use helpers).
 */
public final class Transaction implements AutoCloseable {

    private enum State { ACTIVE, COMMITTED, ROLLED_BACK }

    private final CommitCoordinator coordinator;
    private final Snapshot snapshot;
    private final List<TransactionOperation> operations = new ArrayList<>();
    private final Set<Path> writtenFiles = new LinkedHashSet<>();
    private final Set<Path> directoriesToSync = new LinkedHashSet<>();
    private final ReadDependencies dependencies = new ReadDependencies();
    private Manifest view;
    private State state = State.ACTIVE;

    Transaction(CommitCoordinator coordinator, Snapshot snapshot) {
        this.coordinator = coordinator;
        this.snapshot = snapshot;
        this.view = snapshot.manifest();
    }

    /** The version this transaction started from. */
    public Manifest base() {
        return snapshot.manifest();
    }

    /** The base version with this transaction's own changes applied. */
    public Manifest view() {
        return view;
    }

    public DataLayout layout() {
        return coordinator.layout();
    }

    public boolean hasChanges() {
        return !operations.isEmpty();
    }

    public void createSchema(String name) {
        record(new TransactionOperation.CreateSchema(name));
    }

    public void dropSchema(String name) {
        record(new TransactionOperation.DropSchema(name));
    }

    /** Creates a table with one (default) partition and returns its id. */
    public long createTable(TableDefinition definition) {
        long tableId = coordinator.allocateId();
        long partitionId = coordinator.allocateId();
        record(new TransactionOperation.CreateTable(tableId, partitionId, definition));
        return tableId;
    }

    /** Creates a view; with {@code replace}, one of the same name is replaced instead of refused. */
    public void createView(ViewDefinition definition, boolean replace) {
        record(new TransactionOperation.CreateView(definition, replace));
    }

    public void dropView(String schema, String name) {
        record(new TransactionOperation.DropView(schema, name));
    }

    /**
     * Replaces a table's definition (ALTER TABLE). When columns are added, dropped or retyped, the caller also
     * replaces every segment by one written with the new definition, in this transaction.
     */
    public void alterTable(long tableId, TableDefinition definition) {
        requireTable(tableId);
        record(new TransactionOperation.AlterTable(tableId, definition));
    }

    /** An id for a new index of a table (it names the index's data directory); ids are never reused. */
    public long newIndexId() {
        return coordinator.allocateId();
    }

    public void dropTable(long tableId) {
        requireTable(tableId);
        record(new TransactionOperation.DropTable(tableId));
    }

    /** Publishes segments already written and synced (by a table appender) at commit. */
    public void appendSegments(long tableId, long partitionId, List<SegmentEntry> segments) {
        if (!segments.isEmpty()) {
            record(new TransactionOperation.AppendSegments(tableId, partitionId, segments,
                    requireTable(tableId).definition().columns().stream().map(c -> c.type()).toList()));
        }
    }

    /**
     * Hands out {@code count} consecutive identity positions of a table (see {@link io.basalt.storage.catalog.Identity})
     * and returns the first. They are this transaction's alone and never handed out again, even if it never commits
     * or the process crashes (a gap, as PostgreSQL's sequences leave).
     */
    public long reserveIdentityPositions(long tableId, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        TableEntry table = requireTable(tableId);
        long first = coordinator.reserveIdentityPositions(tableId, table.identityPositions(), count);
        if (count > 0) {
            record(new TransactionOperation.AdvanceIdentity(tableId, first + count));
        }
        return first;
    }

    /** Replaces segments by others with the same live rows (compaction), or removes them. */
    public void replaceSegments(long tableId, long partitionId, Set<Long> removedSegmentIds, List<SegmentEntry> added) {
        record(new TransactionOperation.ReplaceSegments(tableId, partitionId, removedSegmentIds, added));
    }

    /** Removes every row of a table (TRUNCATE): its segments leave the new version, files stay for older ones. */
    public void truncate(long tableId) {
        TableEntry table = requireTable(tableId);
        for (PartitionEntry partition : table.partitions()) {
            Set<Long> ids = new LinkedHashSet<>();
            partition.segments().forEach(s -> ids.add(s.segmentId()));
            if (!ids.isEmpty()) {
                replaceSegments(tableId, partition.partitionId(), ids, List.of());
            }
        }
    }

    /**
     * Marks rows of one segment deleted (DELETE, and the old row versions of UPDATE). The new deletion vector
     * is the union with what the segment already had in this transaction's view.
     */
    public void deleteRows(long tableId, long segmentId, DeletionVector deleted) {
        TableEntry table = requireTable(tableId);
        for (PartitionEntry partition : table.partitions()) {
            for (SegmentEntry segment : partition.segments()) {
                if (segment.segmentId() != segmentId) {
                    continue;
                }
                DeletionVector merged = deleted;
                if (segment.deletionVectorId().isPresent()) {
                    Path existing = layout().deletionVectorFile(tableId, partition.partitionId(), segmentId,
                            segment.deletionVectorId().get());
                    merged = DeletionVectorFile.read(existing, segment.rowCount()).union(deleted);
                }
                if (merged.deletedCount() == segment.deletedRows()) {
                    return;
                }
                long deletionVectorId = coordinator.allocateId();
                Path file = newFile(layout().deletionVectorFile(tableId, partition.partitionId(), segmentId, deletionVectorId));
                DeletionVectorFile.write(file, merged);
                record(new TransactionOperation.UpdateDeletions(tableId, partition.partitionId(), segmentId, deletionVectorId,
                        merged.deletedCount()));
                return;
            }
        }
        throw new StorageException(StorageErrors.INVALID_PARAMETER, "segment " + segmentId + " is not part of table "
                + table.definition().qualifiedName() + " in this transaction's snapshot");
    }

    /** A new id for a segment file this transaction will write, with its directory created. */
    public long newSegmentId(long tableId, long partitionId) {
        long segmentId = coordinator.allocateId();
        newFile(layout().segmentFile(tableId, partitionId, segmentId));
        return segmentId;
    }

    /** A new id for an index segment file this transaction will write, with its directory created. */
    public long newIndexSegmentId(long tableId, long indexId) {
        long segmentId = coordinator.allocateId();
        newFile(layout().indexSegmentFile(tableId, indexId, segmentId));
        return segmentId;
    }

    /** Publishes index data written (and synced) by this transaction at commit. */
    public void publishIndexData(long tableId, IndexData data) {
        record(new TransactionOperation.PublishIndexData(tableId, data));
    }

    /**
     * Declares a file this transaction is about to create: maintenance leaves it alone, a rollback deletes
     * it, and commit syncs its directory.
     */
    private Path newFile(Path file) {
        requireActive();
        coordinator.registerInFlight(file);
        writtenFiles.add(file);
        Path directory = file.getParent();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot create " + directory + ": " + e.getMessage(), e);
        }
        directoriesToSync.add(directory);
        directoriesToSync.add(directory.getParent());
        directoriesToSync.add(layout().tablesDirectory());
        return file;
    }

    /**
     * Records that this transaction's writes rely on the rows of {@code tableId} it could see staying (a foreign key's
     * parent rows were found for the rows it added): the commit fails (40001) if another transaction removed rows of
     * it meanwhile.
     */
    public void requireRowsKept(long tableId) {
        dependencies.rowsKept(tableId);
    }

    /**
     * Records that this transaction's writes rely on no rows being added to {@code tableId} (no row of a foreign key's
     * child table references the parent rows it removed): the commit fails (40001) if another transaction added
     * rows to it meanwhile.
     */
    public void requireNoRowsAdded(long tableId) {
        dependencies.noRowsAdded(tableId);
    }

    public TableEntry requireTable(long tableId) {
        return view.table(tableId).orElseThrow(() -> new StorageException(StorageErrors.UNDEFINED_TABLE,
                "table " + tableId + " does not exist"));
    }

    /** Publishes every change at once and returns the new version (the base, when nothing changed). */
    public Manifest commit() {
        requireActive();
        try {
            Manifest published = operations.isEmpty() ? snapshot.manifest()
                    : coordinator.commit(base(), operations, dependencies, directoriesToSync);
            state = State.COMMITTED;
            return published;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            if (state == State.COMMITTED) {
                end();
            }
        }
    }

    /** Discards every change and the files written for them. Safe to call more than once. */
    public void rollback() {
        if (state != State.ACTIVE) {
            return;
        }
        state = State.ROLLED_BACK;
        for (Path file : writtenFiles) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // an undeleted file is unreferenced; the next vacuum or open sweeps it
            }
        }
        end();
    }

    @Override
    public void close() {
        rollback();
    }

    private void end() {
        coordinator.releaseInFlight(writtenFiles);
        snapshot.close();
    }

    private void record(TransactionOperation operation) {
        requireActive();
        // Applying at once both validates (a duplicate name fails here, not at commit) and keeps view() current.
        view = ManifestChanges.apply(view, List.of(operation), view.version(), view.nextId());
        operations.add(operation);
    }

    private void requireActive() {
        if (state != State.ACTIVE) {
            throw new StorageException(StorageErrors.INVALID_TRANSACTION_STATE, "transaction is already "
                    + (state == State.COMMITTED ? "committed" : "rolled back"));
        }
    }
}
