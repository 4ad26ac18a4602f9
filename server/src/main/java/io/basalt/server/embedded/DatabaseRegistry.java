package io.basalt.server.embedded;

import io.basalt.server.Database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases open in this process for embedded connections. All connections to one directory share
 * one {@link Database} (a directory can be opened once per process); it closes when the last connection
 * does. {@code mem:} databases live in a temporary directory that is deleted then.
 */
final class DatabaseRegistry {

    private static final Map<String, Entry> OPEN = new HashMap<>();

    private DatabaseRegistry() {
    }

    /** A connection's share of an open database; {@link #release()} once. */
    static final class Handle {
        private final String key;
        private final Database database;

        private Handle(String key, Database database) {
            this.key = key;
            this.database = database;
        }

        Database database() {
            return database;
        }

        void release() {
            DatabaseRegistry.release(key);
        }
    }

    private static final class Entry {
        final Database database;
        final Path temporaryDirectory;
        int connections;

        Entry(Database database, Path temporaryDirectory) {
            this.database = database;
            this.temporaryDirectory = temporaryDirectory;
        }
    }

    static synchronized Handle openDirectory(Path directory) {
        String key = "file:" + directory.toAbsolutePath().normalize();
        Entry entry = OPEN.computeIfAbsent(key, k -> new Entry(Database.open(directory), null));
        entry.connections++;
        return new Handle(key, entry.database);
    }

    static synchronized Handle openMemory(String name) throws IOException {
        String key = "mem:" + name;
        Entry entry = OPEN.get(key);
        if (entry == null || name.isEmpty()) {
            // An unnamed mem: database is private to its connection.
            key = name.isEmpty() ? "mem:#" + System.nanoTime() : key;
            Path directory = Files.createTempDirectory("basalt-mem-");
            entry = new Entry(Database.open(directory), directory);
            OPEN.put(key, entry);
        }
        entry.connections++;
        return new Handle(key, entry.database);
    }

    private static synchronized void release(String key) {
        Entry entry = OPEN.get(key);
        if (entry == null || --entry.connections > 0) {
            return;
        }
        OPEN.remove(key);
        entry.database.close();
        if (entry.temporaryDirectory != null) {
            deleteRecursively(entry.temporaryDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless; the OS cleans its temp area
        }
    }
}
