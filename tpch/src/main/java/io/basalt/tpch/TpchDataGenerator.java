package io.basalt.tpch;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes TPC-H data as {@code dbgen} does: one {@code |}-separated {@code <table>.tbl} file per table, each
 * line ending in {@code |}, from {@code io.trino.tpch}'s generators (the official dbgen rows). Each table is
 * generated on all threads ({@link TableText}); a file appears under its final name only when complete, so an
 * interrupted run never leaves a truncated file that a later run would trust, and files already there are
 * reused.
 */
public final class TpchDataGenerator {

    private TpchDataGenerator() {
    }

    /** Generates the tables whose files are missing in {@code directory}; returns the eight file paths. */
    public static List<Path> generate(double scaleFactor, Path directory, int threads) throws IOException {
        return generate(scaleFactor, directory, threads, new AtomicLong(), new AtomicReference<>());
    }

    /**
     * As {@link #generate(double, Path, int)}, counting rows written into {@code rows} and naming the table
     * being written in {@code currentTable}, for a progress display on another thread.
     */
    static List<Path> generate(double scaleFactor, Path directory, int threads, AtomicLong rows,
                               AtomicReference<String> currentTable)
            throws IOException {
        Files.createDirectories(directory);
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "tpch-generator");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Path> paths = new ArrayList<>();
            for (String table : TpchSchema.TABLES) {
                Path target = fileOf(directory, table);
                if (!Files.exists(target)) {
                    currentTable.set(table);
                    Path partial = directory.resolve(table + ".tbl.partial");
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
                        TableText.write(table, scaleFactor, out, workers, threads + 1, rows);
                    }
                    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                }
                paths.add(target);
            }
            return paths;
        } finally {
            workers.shutdownNow();
        }
    }

    public static Path fileOf(Path directory, String table) {
        return directory.resolve(table + ".tbl");
    }

    /** Whether all eight files are there. */
    static boolean isComplete(Path directory) {
        return TpchSchema.TABLES.stream().allMatch(table -> Files.exists(fileOf(directory, table)));
    }
}
