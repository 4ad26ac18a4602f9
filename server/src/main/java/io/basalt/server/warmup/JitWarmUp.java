package io.basalt.server.warmup;

import io.basalt.jdbc.BasaltDriver;
import io.basalt.parser.ScriptSplitter;
import io.basalt.parser.ScriptStatement;
import io.basalt.server.jit.CompilerDirectives;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Warms the JIT up before a process serves queries: builds a small star schema in a private temporary database
 * ({@code jdbc:basalt:mem:}, deleted afterwards; no open database is touched) and runs a fixed set of analytical
 * queries over it, round after round, through the embedded JDBC driver, so that the parser, the planner, the
 * executor's operators and kernels and the driver's result path have run often enough for HotSpot to compile them.
 * The tables are {@code warm-up-tables.sql} and the queries {@code warm-up-queries.sql} beside this class.
 *
 * <p>Why: a fresh JVM runs Basalt's code interpreted and then compiles it while the first queries run, on the same
 * cores. In the TPC-H sequence on two cores (each query once and then ten times), the JIT's compiler threads took
 * 30 % of the CPU during the ten runs, and the same 22 queries ran 25–30 % faster (geometric mean) when the sequence
 * was repeated in the same process. Twenty rounds of this workload (about 10 s) recovered most of it before the
 * first TPC-H query (docs/benchmarks.md, twenty-fourth session). A long-running server pays the warm-up once.
 *
 * <p>It runs once per process ({@link #runOnce}): the JIT's work is the process's. A statement that fails is
 * logged and counted, and the warm-up goes on; it never fails the caller.
 */
public final class JitWarmUp {

    /** Rounds of the queries {@link #runOnce} runs. */
    public static final int DEFAULT_ROUNDS = 20;

    static final String TABLES = "warm-up-tables.sql";
    static final String QUERIES = "warm-up-queries.sql";

    private static final System.Logger LOG = System.getLogger(JitWarmUp.class.getName());

    private static Result completed;

    private JitWarmUp() {
    }

    /**
     * What a warm-up did: the rounds of queries it ran, the statements it ran in all (tables and queries), how many of
     * them failed, and how long it took.
     */
    public record Result(int rounds, int statements, int failures, Duration elapsed) {
    }

    /**
     * Warms up with {@link #DEFAULT_ROUNDS} rounds unless this process has already; a caller that comes while another
     * warms up waits for it. Returns the process's warm-up.
     */
    public static synchronized Result runOnce() {
        if (completed == null) {
            completed = run(DEFAULT_ROUNDS, false);
        }
        return completed;
    }

    /** The process's warm-up, or null when none has run. */
    static synchronized Result completed() {
        return completed;
    }

    /**
     * Makes the tables and runs the queries {@code rounds} times. {@code strict} (tests) throws at the first failing
     * statement instead of logging it and going on.
     */
    static Result run(int rounds, boolean strict) {
        return run(statements(TABLES), statements(QUERIES), rounds, strict);
    }

    /** {@link #run(int, boolean)} of the given statements. */
    static Result run(List<String> tables, List<String> queries, int rounds, boolean strict) {
        // The directives keep the planner out of C2; installed first, or the warm-up would have C2 compile it.
        CompilerDirectives.installOnce();
        long start = System.nanoTime();
        int statements = 0;
        int failures = 0;
        try (Connection connection = new BasaltDriver().connect("jdbc:basalt:mem:", new Properties());
             Statement statement = connection.createStatement()) {
            for (String sql : tables) {
                statements++;
                if (!execute(statement, sql, strict)) {
                    // without its tables no query can run: nothing more to warm
                    return new Result(0, statements, failures + 1, Duration.ofNanos(System.nanoTime() - start));
                }
            }
            for (int round = 0; round < rounds; round++) {
                for (String sql : queries) {
                    statements++;
                    failures += execute(statement, sql, strict) ? 0 : 1;
                }
            }
        } catch (SQLException e) {
            failed("opening the warm-up database", e, strict);
            failures++;
        }
        return new Result(rounds, statements, failures, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Runs one statement, reading every value of a query's rows as an application would; false when it failed. */
    private static boolean execute(Statement statement, String sql, boolean strict) {
        try {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            rows.getObject(column);
                        }
                    }
                }
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            failed(sql, e, strict);
            return false;
        }
    }

    private static void failed(String what, Exception e, boolean strict) {
        if (strict) {
            throw new IllegalStateException("warm-up statement failed: " + what, e);
        }
        LOG.log(System.Logger.Level.WARNING, "JIT warm-up: " + e.getMessage() + " in: " + what);
    }

    /** The statements of a resource beside this class, comments left in (the parser skips them). */
    static List<String> statements(String resource) {
        InputStream stream = JitWarmUp.class.getResourceAsStream(resource);
        try (InputStream in = Objects.requireNonNull(stream, resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ScriptSplitter.split(script).stream().map(ScriptStatement::text).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
