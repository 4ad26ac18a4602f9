package io.basalt.execution.spill;

import io.basalt.storage.DataLayout;
import io.basalt.storage.type.PhysicalKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Where one query's spill files go: a directory {@code spill-<random>} under the database's {@code DIR/tmp/}
 * (under {@code java.io.tmpdir/basalt-spill} when the query has no data directory). The directory is created
 * on the first spill, so a query that fits in memory never touches the disk. {@link #close()} deletes every
 * file and the directory; the space can be used again afterwards (a statement that runs several queries in
 * turn shares one). Directories a killed process left behind are deleted by {@link #deleteLeftovers} when the
 * database opens. Thread-safe: a query's workers spill at the same time.
 */
public final class SpillSpace implements AutoCloseable {

    static final String DIRECTORY_PREFIX = "spill-";
    static final String FILE_SUFFIX = ".spill";

    private final Path parent;
    private final AtomicLong bytesSpilled = new AtomicLong();
    private final AtomicLong rowsSpilled = new AtomicLong();
    private long fileCount;
    private Path directory;

    /** A space whose directory will be created inside {@code parent} (which is created too if needed). */
    public SpillSpace(Path parent) {
        this.parent = parent;
    }

    /** The spill space for queries over {@code layout}'s data directory, or under the temporary directory without one. */
    public static SpillSpace of(DataLayout layout) {
        return new SpillSpace(layout == null ? Path.of(System.getProperty("java.io.tmpdir"), "basalt-spill")
                : temporaryDirectory(layout.root()));
    }

    /** {@code DIR/tmp}: the parent of the spill directories of a data directory's queries. */
    public static Path temporaryDirectory(Path dataDirectory) {
        return dataDirectory.resolve("tmp");
    }

    /**
     * Deletes the spill directories in {@code DIR/tmp} that a process killed mid-query left behind. Call it only
     * while holding the data directory's lock, when no query of this database can be running.
     */
    public static void deleteLeftovers(Path dataDirectory) {
        Path tmp = temporaryDirectory(dataDirectory);
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path entry : entries.toList()) {
                if (entry.getFileName().toString().startsWith(DIRECTORY_PREFIX)) {
                    deleteRecursively(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete leftover spill files in " + tmp, e);
        }
    }

    /**
     * A new file for batches whose columns have {@code kinds}; {@code purpose} (e.g. "sort run") names it, which
     * helps whoever finds it on disk.
     */
    public SpillFileWriter newFile(String purpose, List<PhysicalKind> kinds) {
        Path file;
        synchronized (this) {
            if (directory == null) {
                Path created = parent.resolve(DIRECTORY_PREFIX + UUID.randomUUID());
                try {
                    Files.createDirectories(created);
                } catch (IOException e) {
                    throw SpillIoErrors.failed("create the directory of", created, e);
                }
                directory = created;
            }
            file = directory.resolve(++fileCount + "-" + purpose.replaceAll("[^A-Za-z0-9]+", "-") + FILE_SUFFIX);
        }
        return new SpillFileWriter(this, file, kinds);
    }

    /** Bytes written to this space's files so far (deleted files included): EXPLAIN ANALYZE and system tables. */
    public long bytesSpilled() {
        return bytesSpilled.get();
    }

    /** Rows written to this space's files so far. */
    public long rowsSpilled() {
        return rowsSpilled.get();
    }

    void recordSpilled(long bytes, long rows) {
        bytesSpilled.addAndGet(bytes);
        rowsSpilled.addAndGet(rows);
    }

    /** The directory holding the files, or null while nothing has been spilled (since the last close). */
    public synchronized Path directory() {
        return directory;
    }

    /** Deletes every file of the space; a later {@link #newFile} starts a new directory. */
    @Override
    public synchronized void close() {
        if (directory != null) {
            Path doomed = directory;
            directory = null;
            try {
                deleteRecursively(doomed);
            } catch (IOException e) {
                throw new UncheckedIOException("could not delete spill directory " + doomed, e);
            }
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (NoSuchFileException gone) {
            // already deleted
        }
    }
}
