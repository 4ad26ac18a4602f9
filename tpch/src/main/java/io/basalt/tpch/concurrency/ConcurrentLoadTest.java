package io.basalt.tpch.concurrency;

import io.basalt.tpch.ExpectedAnswer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code basalt tpch concurrency}: many JDBC clients at once against a database holding TPC-H data, each
 * on its own connection, running the queries (every answer checked against the reference) mixed with
 * one-row INSERTs into a table of their own ({@value #INSERT_TABLE}, made anew), for a fixed time. Reports
 * throughput and latency percentiles; fails (exit status 1) on any error, any wrong answer, or when the
 * table does not hold exactly the rows the clients inserted, each client's sequence numbers complete.
 */
public final class ConcurrentLoadTest {

    static final String INSERT_TABLE = "load_test_inserts";

    private final String url;
    private final Connection setup;
    private final List<Integer> queries;
    private final Path answers;
    private final int clients;
    private final int durationSeconds;

    /**
     * @param setup   a connection to the same database, for creating and checking the insert table
     * @param answers the reference answers of the loaded scale factor (one file per query)
     */
    public ConcurrentLoadTest(String url, Connection setup, List<Integer> queries, Path answers, int clients,
                              int durationSeconds) {
        this.url = url;
        this.setup = setup;
        this.queries = List.copyOf(queries);
        this.answers = answers;
        this.clients = clients;
        this.durationSeconds = durationSeconds;
    }

    /** Runs the test and prints its report; true when no error or wrong answer occurred and every row is there. */
    public boolean run(PrintStream out) throws SQLException, IOException, InterruptedException {
        Map<Integer, ExpectedAnswer> expected = readAnswers();
        try (Statement statement = setup.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + INSERT_TABLE);
            statement.execute("CREATE TABLE " + INSERT_TABLE + " (client INTEGER, seq BIGINT, note VARCHAR)");
        }
        out.printf(Locale.ROOT, "concurrency: %d clients for %d s against %s; queries %s, an INSERT first and after every %d%n",
                clients, durationSeconds, url.replaceFirst("\\?.*", ""), queries, LoadClient.QUERIES_PER_INSERT);
        List<Connection> connections = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(DriverManager.getConnection(url));
            }
            long start = System.nanoTime();
            long deadline = start + durationSeconds * 1_000_000_000L;
            List<Future<LoadClient.Outcome>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(threads.submit(new LoadClient(i, connections.get(i), queries, expected, INSERT_TABLE, deadline)));
            }
            List<LoadClient.Outcome> outcomes = new ArrayList<>();
            for (Future<LoadClient.Outcome> client : running) {
                outcomes.add(await(client));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return report(outcomes, seconds, out);
        } finally {
            threads.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private Map<Integer, ExpectedAnswer> readAnswers() throws IOException {
        Map<Integer, ExpectedAnswer> expected = new HashMap<>();
        for (int query : queries) {
            Path file = ExpectedAnswer.fileFor(answers, query);
            if (!Files.exists(file)) {
                throw new IllegalStateException("no reference answer for Q" + query + " (" + file
                        + "): the load test checks every answer, so it needs them all");
            }
            expected.put(query, ExpectedAnswer.read(file));
        }
        return expected;
    }

    private static LoadClient.Outcome await(Future<LoadClient.Outcome> client) throws SQLException, InterruptedException {
        try {
            return client.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("a load test client failed: " + e.getCause(), e.getCause());
        }
    }

    private boolean report(List<LoadClient.Outcome> outcomes, double seconds, PrintStream out) throws SQLException {
        LatencySamples queryLatencies = new LatencySamples();
        LatencySamples insertLatencies = new LatencySamples();
        int wrong = 0;
        int errors = 0;
        List<String> problems = new ArrayList<>();
        for (LoadClient.Outcome outcome : outcomes) {
            queryLatencies.addAll(outcome.queries());
            insertLatencies.addAll(outcome.inserts());
            wrong += outcome.wrongAnswers();
            errors += outcome.errors();
            problems.addAll(outcome.firstProblems());
        }
        printLine(out, "queries", queryLatencies, seconds);
        printLine(out, "inserts", insertLatencies, seconds);
        out.printf(Locale.ROOT, "wrong answers: %d, errors: %d%n", wrong, errors);
        for (String problem : problems) {
            out.println("  " + problem);
        }
        List<String> missing = checkInsertedRows(outcomes);
        long expectedRows = outcomes.stream().mapToLong(LoadClient.Outcome::insertedRows).sum();
        out.printf(Locale.ROOT, "inserted rows: %d expected, %s%n", expectedRows,
                missing.isEmpty() ? "all there, each client's sequence complete" : "MISMATCH");
        for (String problem : missing) {
            out.println("  " + problem);
        }
        boolean ran = queryLatencies.count() > 0 && insertLatencies.count() > 0;
        if (!ran) {
            out.println("too short: no query or no INSERT completed (a longer --duration, or fewer clients)");
        }
        boolean ok = wrong == 0 && errors == 0 && missing.isEmpty() && ran;
        out.println(ok ? "load test: ok" : "load test: FAILED");
        return ok;
    }

    private static void printLine(PrintStream out, String what, LatencySamples latencies, double seconds) {
        out.printf(Locale.ROOT, "%s: %d in %.1f s = %.1f/s, latency p50 %.1f ms, p95 %.1f ms%n", what, latencies.count(),
                seconds, latencies.count() / seconds, latencies.percentileMillis(50), latencies.percentileMillis(95));
    }

    /** Per client: the rows it inserted must be there, once each, sequence numbers 0 to n-1. Lists the differences. */
    private List<String> checkInsertedRows(List<LoadClient.Outcome> outcomes) throws SQLException {
        List<String> differences = new ArrayList<>();
        Map<Integer, long[]> found = new HashMap<>();
        try (Statement statement = setup.createStatement();
             ResultSet rows = statement.executeQuery("SELECT client, count(*), count(DISTINCT seq), min(seq), max(seq) FROM "
                     + INSERT_TABLE + " GROUP BY client")) {
            while (rows.next()) {
                found.put(rows.getInt(1), new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)});
            }
        }
        for (int client = 0; client < outcomes.size(); client++) {
            long inserted = outcomes.get(client).insertedRows();
            long[] actual = found.remove(client);
            long[] wanted = inserted == 0 ? null : new long[] {inserted, inserted, 0, inserted - 1};
            if (!java.util.Arrays.equals(actual, wanted)) {
                differences.add(String.format(Locale.ROOT, "client %d inserted %d rows (seq 0..%d), the table holds %s", client,
                        inserted, inserted - 1, actual == null ? "none" : String.format(Locale.ROOT,
                                "%d rows, %d distinct, seq %d..%d", actual[0], actual[1], actual[2], actual[3])));
            }
        }
        for (Map.Entry<Integer, long[]> stray : found.entrySet()) {
            differences.add("rows of an unknown client " + stray.getKey() + ": " + stray.getValue()[0]);
        }
        return differences;
    }
}
