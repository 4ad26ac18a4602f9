package io.basalt.storage;

import io.basalt.storage.commit.CommitCoordinator;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.ManifestStore;
import io.basalt.storage.commit.ReferencedFiles;
import io.basalt.storage.commit.Snapshot;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.maintenance.UnreferencedFileSweeper;
import io.basalt.storage.maintenance.Vacuum;
import io.basalt.storage.segment.BlockCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A data directory opened for use: the front door of the storage module. Opening takes the directory's
 * lock, loads the newest manifest version and sweeps files a crash left unreferenced. Reads go through
 * {@link #snapshot()}, writes through {@link #begin()}.
 */
public final class StorageEngine implements AutoCloseable {

    private final DataLayout layout;
    private final DataDirectoryLock lock;
    private final CommitCoordinator coordinator;
    private final List<String> openWarnings;
    private final BlockCache blockCache = BlockCache.quarterOfHeap();

    private StorageEngine(DataLayout layout, DataDirectoryLock lock, CommitCoordinator coordinator, List<String> openWarnings) {
        this.layout = layout;
        this.lock = lock;
        this.coordinator = coordinator;
        this.openWarnings = List.copyOf(openWarnings);
    }

    /** Opens (creating if needed) the data directory {@code root}. */
    public static StorageEngine open(Path root) {
        DataLayout layout = new DataLayout(root.toAbsolutePath());
        try {
            Files.createDirectories(layout.root());
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot create data directory " + root + ": " + e.getMessage(), e);
        }
        DataDirectoryLock lock = DataDirectoryLock.acquire(layout.lockFile());
        try {
            Files.createDirectories(layout.catalogDirectory());
            Files.createDirectories(layout.tablesDirectory());
            ManifestStore store = new ManifestStore(layout);
            store.removeTemporaryFiles();
            Manifest current = store.readLatest().orElse(null);
            if (current == null) {
                current = Manifest.initial();
                store.publish(current);
            }
            List<String> warnings = new ArrayList<>();
            sweepAfterCrash(layout, store, current, warnings);
            return new StorageEngine(layout, lock, new CommitCoordinator(layout, store, current), warnings);
        } catch (IOException | RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io) {
                throw new StorageException(StorageErrors.IO_ERROR, "cannot open data directory " + root + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Files no kept version references can only come from a transaction that never committed (nobody else
     * can be writing: we hold the lock). If an old version cannot be read we cannot know what it needs, so
     * we keep everything rather than risk deleting data.
     */
    private static void sweepAfterCrash(DataLayout layout, ManifestStore store, Manifest current, List<String> warnings) {
        Set<Path> referenced = new HashSet<>(ReferencedFiles.of(layout, current));
        for (long version : store.versions()) {
            if (version == current.version()) {
                continue;
            }
            try {
                ReferencedFiles.addTo(referenced, layout, store.read(version));
            } catch (CorruptDataException e) {
                warnings.add("skipped sweeping unreferenced files: " + e.getMessage());
                return;
            }
        }
        UnreferencedFileSweeper.sweep(layout, referenced, Set.of());
    }

    public DataLayout layout() {
        return layout;
    }

    /** The bodies of segment blocks that queries read, kept between them ({@link BlockCache}). */
    public BlockCache blockCache() {
        return blockCache;
    }

    /** The newest committed version, unpinned: fine for a glance, use {@link #snapshot()} to read data. */
    public Manifest current() {
        return coordinator.current();
    }

    /** Pins the current version for reading; close it when done. */
    public Snapshot snapshot() {
        return coordinator.pinCurrent();
    }

    /** Pins an older version that vacuum has not removed yet. */
    public Snapshot snapshotAt(long version) {
        return coordinator.pinVersion(version);
    }

    public Transaction begin() {
        return coordinator.begin();
    }

    /** Problems met while opening that did not stop it (shown by the shell and server at start). */
    public List<String> openWarnings() {
        return openWarnings;
    }

    /**
     * Keeps the newest {@code retainVersions} versions (and pinned ones), deleting the rest and their files; the blocks
     * of deleted segment files leave the block cache at once.
     */
    public Vacuum.VacuumResult vacuum(int retainVersions) {
        return Vacuum.run(coordinator, retainVersions, blockCache::invalidate);
    }

    @Override
    public void close() {
        blockCache.clear();
        try {
            lock.close();
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot release the lock of " + layout.root() + ": " + e.getMessage(), e);
        }
    }
}
