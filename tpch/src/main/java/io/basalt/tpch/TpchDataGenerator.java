package io.basalt.tpch;

import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes TPC-H data as {@code dbgen} does: one {@code |}-separated {@code <table>.tbl} file per table, each
 * line ending in {@code |}, from {@code io.trino.tpch}'s generators (the official dbgen rows). Tables are
 * generated in parallel; a file appears under its final name only when complete, so an interrupted run
 * never leaves a truncated file that a later run would trust.
 */
public final class TpchDataGenerator {

    private TpchDataGenerator() {
    }

    /** Generates the tables whose files are missing in {@code directory}; returns the eight file paths. */
    public static List<Path> generate(double scaleFactor, Path directory, int threads) throws IOException {
        Files.createDirectories(directory);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Path>> files = new ArrayList<>();
            for (String table : TpchSchema.TABLES) {
                files.add(pool.submit(() -> generateTable(TpchTable.getTable(table), scaleFactor, directory)));
            }
            List<Path> paths = new ArrayList<>();
            for (Future<Path> file : files) {
                paths.add(file.get());
            }
            return paths;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while generating TPC-H data", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("generating TPC-H data failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public static Path fileOf(Path directory, String table) {
        return directory.resolve(table + ".tbl");
    }

    private static <E extends TpchEntity> Path generateTable(TpchTable<E> table, double scaleFactor, Path directory) {
        Path target = fileOf(directory, table.getTableName());
        if (Files.exists(target)) {
            return target;
        }
        Path partial = directory.resolve(table.getTableName() + ".tbl.partial");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (E row : table.createGenerator(scaleFactor, 1, 1)) {
                    out.write(row.toLine());
                    out.write('\n');
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
