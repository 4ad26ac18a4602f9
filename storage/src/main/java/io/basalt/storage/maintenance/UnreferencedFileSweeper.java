package io.basalt.storage.maintenance;

import io.basalt.storage.DataLayout;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Deletes data files that no kept manifest version references: what a crashed or rolled-back writer left
 * behind, and what vacuum released. Empty table and partition directories go too.
 */
public final class UnreferencedFileSweeper {

    private UnreferencedFileSweeper() {
    }

    /** What a sweep removed. */
    public record SweepResult(int filesDeleted, long bytesDeleted) {
    }

    public static SweepResult sweep(DataLayout layout, Set<Path> referenced, Set<Path> inFlight) {
        return sweep(layout, referenced, inFlight, deleted -> { });
    }

    /** {@link #sweep(DataLayout, Set, Set)}, telling {@code deleted} each file it deleted. */
    public static SweepResult sweep(DataLayout layout, Set<Path> referenced, Set<Path> inFlight, Consumer<Path> deleted) {
        Path tables = layout.tablesDirectory();
        if (!Files.isDirectory(tables)) {
            return new SweepResult(0, 0);
        }
        int files = 0;
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(tables)) {
            List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : all) {
                if (path.equals(tables)) {
                    continue;
                }
                if (Files.isDirectory(path)) {
                    deleteIfEmpty(path, inFlight);
                } else if (!referenced.contains(path) && !inFlight.contains(path)) {
                    long size = Files.size(path);
                    if (Files.deleteIfExists(path)) {
                        deleted.accept(path);
                        files++;
                        bytes += size;
                    }
                }
            }
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot sweep " + tables + ": " + e.getMessage(), e);
        }
        return new SweepResult(files, bytes);
    }

    private static void deleteIfEmpty(Path directory, Set<Path> inFlight) throws IOException {
        for (Path file : inFlight) {
            if (file.startsWith(directory)) {
                return;
            }
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (java.nio.file.DirectoryNotEmptyException raced) {
            // a transaction created a file in it meanwhile; keep it
        }
    }
}
