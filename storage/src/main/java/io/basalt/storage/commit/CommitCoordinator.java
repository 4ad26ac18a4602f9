package io.basalt.storage.commit;

import io.basalt.storage.DataLayout;
import io.basalt.storage.DurableFiles;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns the current version of a data directory and serialises commits. A commit replays the transaction's
 * operations onto the current manifest, refuses it if another transaction rewrote the same table since the
 * transaction's snapshot, syncs the directories of new files and then publishes the new manifest; only
 * after the publish is durable does the commit return.
 */
public final class CommitCoordinator {

    private final DataLayout layout;
    private final ManifestStore store;
    private final Object commitLock = new Object();
    private final Object pinLock = new Object();
    private final Map<Long, Integer> pins = new HashMap<>();
    private final Set<Path> filesInFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong nextId;
    /** Per table, the next identity position to hand out in this process (see {@link #reserveIdentityPositions}). */
    private final Map<Long, AtomicLong> identityCounters = new ConcurrentHashMap<>();
    private final Object identityLock = new Object();
    /** Identity positions made durable ahead of use (PostgreSQL's sequences log 32 values ahead likewise). */
    static final long IDENTITY_RESERVE = 32;
    private volatile Manifest current;

    public CommitCoordinator(DataLayout layout, ManifestStore store, Manifest current) {
        this.layout = layout;
        this.store = store;
        this.current = current;
        this.nextId = new AtomicLong(current.nextId());
    }

    public DataLayout layout() {
        return layout;
    }

    public ManifestStore store() {
        return store;
    }

    public Manifest current() {
        return current;
    }

    public Snapshot pinCurrent() {
        synchronized (pinLock) {
            Manifest manifest = current;
            pins.merge(manifest.version(), 1, Integer::sum);
            return new Snapshot(manifest, this);
        }
    }

    /** Pins an older version still on disk (time travel). */
    public Snapshot pinVersion(long version) {
        synchronized (pinLock) {
            Manifest manifest = version == current.version() ? current : store.read(version);
            pins.merge(version, 1, Integer::sum);
            return new Snapshot(manifest, this);
        }
    }

    void unpin(long version) {
        synchronized (pinLock) {
            pins.computeIfPresent(version, (v, count) -> count == 1 ? null : count - 1);
        }
    }

    /** The oldest pinned version, or {@code Long.MAX_VALUE} when nothing is pinned. */
    public long oldestPinnedVersion() {
        synchronized (pinLock) {
            return pins.keySet().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        }
    }

    public Transaction begin() {
        return new Transaction(this, pinCurrent());
    }

    long allocateId() {
        return nextId.getAndIncrement();
    }

    /**
     * Hands out {@code count} identity positions of a table and returns the first. Positions come from one counter
     * per table in this process (the directory lock keeps other processes out), so concurrent transactions never get
     * the same position. Before a position of a committed table is handed out, a small commit of its own makes the
     * table's durable counter cover it (reserving {@link #IDENTITY_RESERVE} more, so that not every statement
     * publishes a version): after a crash or restart the counter starts past every position ever handed out, used
     * or not, so no value is ever seen twice. A table the asking transaction created itself is in no committed
     * version; its positions become durable with that transaction's commit (which is the only way anyone sees them).
     *
     * @param floor the counter as the asking transaction sees it
     */
    long reserveIdentityPositions(long tableId, long floor, long count) {
        synchronized (identityLock) {
            AtomicLong counter = identityCounters.computeIfAbsent(tableId, id -> new AtomicLong(
                    Math.max(floor, current.table(id).map(TableEntry::identityPositions).orElse(0L))));
            long first = counter.getAndAdd(count);
            long end = first + count;
            Manifest latest = current;
            Optional<TableEntry> committed = latest.table(tableId);
            if (committed.isPresent() && committed.get().identityPositions() < end) {
                commit(latest, List.of(new TransactionOperation.AdvanceIdentity(tableId, end + Math.max(count, IDENTITY_RESERVE))),
                        new ReadDependencies(), List.of());
            }
            return first;
        }
    }

    void registerInFlight(Path file) {
        filesInFlight.add(file);
    }

    void releaseInFlight(Collection<Path> files) {
        filesInFlight.removeAll(files);
    }

    /** Files written by transactions that have not ended; maintenance must not touch them. */
    public Set<Path> filesInFlight() {
        return Set.copyOf(filesInFlight);
    }

    /** Runs {@code action} with commits held off (vacuum uses this to see a stable set of versions). */
    public <T> T withCommitsPaused(java.util.function.Supplier<T> action) {
        synchronized (commitLock) {
            return action.get();
        }
    }

    Manifest commit(Manifest base, List<TransactionOperation> operations, ReadDependencies dependencies,
                    Collection<Path> directoriesToSync) {
        synchronized (commitLock) {
            Manifest latest = current;
            for (TransactionOperation operation : operations) {
                long tableId = operation.rewrittenTable();
                if (tableId < 0 || base.table(tableId).isEmpty()) {
                    continue;
                }
                TableEntry now = latest.table(tableId).orElseThrow(() -> new SerializationConflictException(
                        "table " + base.table(tableId).get().definition().qualifiedName() + " was dropped by a concurrent transaction"));
                if (now.lastRewriteVersion() > base.version()) {
                    throw new SerializationConflictException("table " + now.definition().qualifiedName()
                            + " was changed by a concurrent transaction (version " + now.lastRewriteVersion() + ")");
                }
            }
            checkKeyedAppends(base, latest, operations);
            dependencies.check(base, latest);
            Manifest next = ManifestChanges.apply(latest, operations, latest.version() + 1, nextId.get());
            try {
                for (Path directory : directoriesToSync) {
                    DurableFiles.syncDirectory(directory);
                }
            } catch (IOException e) {
                throw new StorageException(StorageErrors.IO_ERROR, "cannot sync new files before commit: " + e.getMessage(), e);
            }
            store.publish(next);
            current = next;
            return next;
        }
    }

    /**
     * Rows appended to a table with a PRIMARY KEY or UNIQUE constraint were checked against the rows the transaction
     * could see; rows another transaction appended since it began were not, so such a commit is refused (40001).
     */
    private static void checkKeyedAppends(Manifest base, Manifest latest, List<TransactionOperation> operations) {
        for (TransactionOperation operation : operations) {
            if (!(operation instanceof TransactionOperation.AppendSegments append)) {
                continue;
            }
            TableEntry now = latest.table(append.tableId()).orElse(null);
            if (now != null && base.table(append.tableId()).isPresent() && now.hasUniqueKey()
                    && now.lastAppendVersion() > base.version()) {
                throw new SerializationConflictException("table " + now.definition().qualifiedName()
                        + " has a unique key and rows were added to it by a concurrent transaction (version "
                        + now.lastAppendVersion() + ")");
            }
        }
    }
}
