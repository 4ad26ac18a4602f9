package io.basalt.server.bench;

import io.basalt.server.Database;
import io.basalt.server.auth.AdminAccount;
import io.basalt.server.network.NetworkServer;
import io.basalt.server.network.ServerConfiguration;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How fast JDBC hands out a large result: {@code SELECT *} of a generated table of BIGINT, DOUBLE, DATE and
 * VARCHAR(20) columns (10 million rows by default), read with {@code ResultSet.next()} and the typed getters,
 * embedded ({@code jdbc:basalt:file:}) and over loopback TCP ({@code jdbc:basalt://}, a server in this JVM on
 * the same directory), best and median of a few runs each, in rows per second. Every run checks the sum of
 * the ids, so a run that lost or repeated rows fails. Not a test; {@code make bench-fetch} runs it:
 *
 * <pre>java -cp … io.basalt.server.bench.FetchBenchmark [rows [runs]]</pre>
 */
public final class FetchBenchmark {

    private static final String PASSWORD = "fetch benchmark";
    private static final int BASE_ROWS = 1000;

    private FetchBenchmark() {
    }

    public static void main(String[] arguments) throws Exception {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 10_000_000L;
        int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 3;
        boolean generated = rows < 10_000 ? rows >= 10 && rows % 10 == 0 : rows % 10_000 == 0 && rows <= 10_000_000;
        if (!generated) {
            throw new IllegalArgumentException("rows must be a multiple of 10 below 10,000 or of 10,000 up to 10,000,000, got " + rows);
        }
        Path directory = Files.createTempDirectory("basalt-fetch-bench");
        try {
            String embedded = "jdbc:basalt:file:" + directory;
            long start = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(embedded)) {
                createTable(connection, rows);
            }
            System.out.printf(Locale.ROOT, "table fetch_rows: %,d rows (id BIGINT, amount DOUBLE, day DATE, label VARCHAR(20))"
                    + " made in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            long expectedIdSum = rows * (rows - 1) / 2;
            double[] embeddedRates = measure("embedded", () -> DriverManager.getConnection(embedded), runs, rows, expectedIdSum);
            double[] networkRates;
            // The embedded connections are closed, so the directory is free for the server's own Database.
            try (Database database = Database.open(directory)) {
                AdminAccount.ensure(database.security().users(), PASSWORD, 4096, new PrintStream(new ByteArrayOutputStream()));
                NetworkServer server = NetworkServer.start(database, ServerConfiguration.defaults().withPort(0)
                        .withPasswordIterations(4096));
                try {
                    String url = "jdbc:basalt://127.0.0.1:" + server.port() + "/?user=admin&password=fetch%20benchmark";
                    networkRates = measure("loopback", () -> DriverManager.getConnection(url), runs, rows, expectedIdSum);
                } finally {
                    server.close();
                }
            }
            System.out.printf(Locale.ROOT, "%n%-10s %15s %15s%n", "transport", "best rows/s", "median rows/s");
            print("embedded", embeddedRates);
            print("loopback", networkRates);
        } finally {
            deleteRecursively(directory);
        }
    }

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** One warm-up read, then {@code runs} timed reads; rows per second of each timed read, sorted. */
    private static double[] measure(String transport, ConnectionSource source, int runs, long rows, long expectedIdSum)
            throws SQLException {
        double[] rates = new double[runs];
        try (Connection connection = source.open()) {
            readAll(connection, rows, expectedIdSum);
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                readAll(connection, rows, expectedIdSum);
                double seconds = (System.nanoTime() - start) / 1e9;
                rates[run] = rows / seconds;
                System.out.printf(Locale.ROOT, "%s run %d: %.2f s, %,.0f rows/s%n", transport, run + 1, seconds, rates[run]);
            }
        }
        Arrays.sort(rates);
        return rates;
    }

    /** Reads every row with the typed getters, as an application would, and checks the count and the id sum. */
    private static void readAll(Connection connection, long rows, long expectedIdSum) throws SQLException {
        long count = 0;
        long idSum = 0;
        double amountSum = 0;
        long labelChars = 0;
        long days = 0;
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, amount, day, label FROM fetch_rows")) {
            while (result.next()) {
                idSum += result.getLong(1);
                amountSum += result.getDouble(2);
                days += result.getObject(3, LocalDate.class).toEpochDay();
                labelChars += result.getString(4).length();
                count++;
            }
        }
        if (count != rows || idSum != expectedIdSum || amountSum <= 0 || days <= 0 || labelChars <= 0) {
            throw new IllegalStateException("read " + count + " rows with id sum " + idSum + ", expected " + rows
                    + " rows with id sum " + expectedIdSum);
        }
    }

    /** A 1,000-row base table inserted through a batch, then the result table as a cross join of three copies. */
    private static void createTable(Connection connection, long rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE base (n BIGINT, day DATE, label VARCHAR(20))");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO base VALUES (?, ?, ?)")) {
                for (int n = 0; n < BASE_ROWS; n++) {
                    insert.setLong(1, n);
                    insert.setDate(2, Date.valueOf(LocalDate.of(2000, 1, 1).plusDays(n)));
                    insert.setString(3, String.format(Locale.ROOT, "label-%06d", n * 7919 % 1_000_000));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            // id = high * 10,000 + middle * 10 + low, with low < 10, middle < 1,000, high < rows / 10,000:
            // every id from 0 to rows - 1 once (below 10,000 rows, middle is cut instead of high).
            long highs = Math.max(rows / 10_000, 1);
            long middles = Math.min(rows / 10, BASE_ROWS);
            statement.execute("CREATE TABLE fetch_rows AS SELECT high.n * 10000 + middle.n * 10 + low.n AS id, "
                    + "CAST(high.n * 10000 + middle.n * 10 + low.n AS DOUBLE) * 0.25 AS amount, middle.day AS day, "
                    + "middle.label AS label FROM base high, base middle, base low "
                    + "WHERE high.n < " + highs + " AND middle.n < " + middles + " AND low.n < 10");
        }
    }

    private static void print(String transport, double[] sortedRates) {
        System.out.printf(Locale.ROOT, "%-10s %,15.0f %,15.0f%n", transport, sortedRates[sortedRates.length - 1],
                sortedRates[sortedRates.length / 2]);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
