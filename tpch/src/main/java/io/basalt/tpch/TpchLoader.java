package io.basalt.tpch;

import io.basalt.tpch.report.Numbers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the eight TPC-H tables with their keys and bulk-loads them with {@code COPY … FROM 'file'
 * (DELIMITER '|')}, through JDBC, as any client would: from {@code .tbl} files, or straight from the
 * generators through a pipe ({@link GeneratorPipe}). Tables that exist already are dropped first, so a
 * load always starts from empty tables. Each table is timed from the start of its {@code COPY} until its
 * data is durable.
 */
public final class TpchLoader {

    private TpchLoader() {
    }

    /** Creates the tables and loads the {@code .tbl} files of {@code dataDirectory} (no timing, no report). */
    public static void createAndLoad(Connection connection, Path dataDirectory) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String create : TpchSchema.createStatements()) {
                statement.execute(create);
            }
            for (String table : TpchSchema.TABLES) {
                statement.execute(copyStatement(table, TpchDataGenerator.fileOf(dataDirectory, table)));
            }
        }
    }

    /**
     * Loads {@code database} from the {@code .tbl} files in {@code dataDirectory}, or from the generators at
     * {@code scaleFactor} when {@code pipe} is given.
     */
    @SuppressWarnings("try") // a progress ticker only marks a scope: the body never needs to name it
    static LoadResult load(BenchmarkDatabase database, Path dataDirectory, GeneratorPipe pipe, Progress progress)
            throws SQLException, IOException {
        long start = System.nanoTime();
        List<TableLoad> tables = new ArrayList<>();
        // Sizes are taken after the tables are created, so that they count the data and not the empty files.
        try (Statement statement = database.connection().createStatement()) {
            // Referencing tables first: a table cannot be dropped while a foreign key points at it.
            for (int i = TpchSchema.TABLES.size() - 1; i >= 0; i--) {
                statement.execute("DROP TABLE IF EXISTS " + TpchSchema.TABLES.get(i));
            }
            for (String create : TpchSchema.createStatements()) {
                statement.execute(create);
            }
            long diskBefore = database.bytesOnDisk();
            long diskAtStart = diskBefore;
            for (String table : TpchSchema.TABLES) {
                long tableStart = System.nanoTime();
                long rows;
                long textBytes;
                if (pipe == null) {
                    Path file = TpchDataGenerator.fileOf(dataDirectory, table);
                    textBytes = Files.size(file);
                    try (Progress.Ticker ticker = progress.track(() -> database.label() + ": loading " + table + " from "
                            + file.getFileName() + " (" + Numbers.megabytes(textBytes) + " MB)")) {
                        rows = copy(statement, table, file);
                    }
                } else {
                    Path fifo = pipe.start(table);
                    boolean copied = false;
                    try (Progress.Ticker ticker = progress.track(() -> database.label() + ": loading " + table
                            + " from the generator, " + Numbers.grouped(pipe.rowsWritten()) + " rows")) {
                        rows = copy(statement, table, fifo);
                        copied = true;
                    } finally {
                        textBytes = pipe.finish(copied);
                    }
                }
                database.finishLoad();
                double seconds = (System.nanoTime() - tableStart) / 1e9;
                long diskAfter = database.bytesOnDisk();
                tables.add(new TableLoad(table, rows, textBytes, seconds, diskAfter < 0 ? -1 : diskAfter - diskBefore));
                diskBefore = diskAfter;
            }
            long diskAtEnd = database.bytesOnDisk();
            return new LoadResult(database.label(), database.url(), pipe == null ? ".tbl files" : "generator pipe", tables,
                    (System.nanoTime() - start) / 1e9, diskAtEnd < 0 ? -1 : diskAtEnd - diskAtStart, diskAtEnd);
        }
    }

    /** Runs the COPY; its update count is the rows loaded (counted with a query if a driver does not say). */
    private static long copy(Statement statement, String table, Path file) throws SQLException {
        statement.execute(copyStatement(table, file));
        long count = statement.getUpdateCount();
        if (count >= 0) {
            return count;
        }
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String copyStatement(String table, Path file) {
        return "COPY " + table + " FROM '" + file.toAbsolutePath().toString().replace("'", "''") + "' (DELIMITER '|')";
    }

    /** Rows counted in every table, to check a load or a refresh. */
    static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
