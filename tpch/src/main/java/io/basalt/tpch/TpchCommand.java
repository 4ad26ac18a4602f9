package io.basalt.tpch;

import java.io.PrintStream;
import java.sql.SQLException;

/**
 * {@code basalt tpch [COMMAND] [OPTIONS]}: the TPC-H benchmark harness, a JDBC client of the database it
 * measures. See {@link #USAGE} and {@code tpch/README.md}.
 */
public final class TpchCommand {

    static final String USAGE = """
            Usage: basalt tpch [COMMAND] [OPTIONS]

            Commands:
              all        generate (if needed), load, run with answers checked (the default)
              generate   write the .tbl files (dbgen's rows, from io.trino.tpch), in parallel
              load       create the eight tables with their keys, then COPY the data in
              run        the queries: one cold run, then N hot runs each; answers checked
              validate   run each query once and compare it with the reference answer
              refresh    RF1 (insert new orders and line items), RF2 (delete them), then validate
              concurrency  --clients N for --duration SECONDS on N connections: the queries (every answer
                         checked) and one-row INSERTs into load_test_inserts; throughput, p50/p95, errors

            Options:
              --sf SF            scale factor, 0.01 to 100 and beyond (default 0.01)
              --data DIR         the .tbl directory (default tpch-data/sfSF); --out is the same
              --url URL          the database (default jdbc:basalt:file:tpch-data/basalt-sfSF);
                                 jdbc:basalt:mem:, jdbc:basalt://host:port/ or any JDBC URL work too
              --compare URL      also load/run/validate/refresh this database, alternating query by query,
                                 and report the ratio per query (e.g. jdbc:duckdb:tpch-data/duckdb-sf1.db)
              --drivers PATHS    jars or directories of jars with JDBC drivers not in basalt.jar
                                 (separated by the path separator, e.g. tpch/target/peer)
              --from-generator   load: stream rows from the generators through a pipe, no .tbl files
              --queries LIST     comma-separated query numbers (default all 22)
              --runs N           hot runs per query after the cold one (default 3; 0 = cold only)
              --threads N        SET threads = N on every database first
              --memory-limit SIZE  SET memory_limit = 'SIZE' (e.g. 8GB) on every database first
              --warm-up          an in-process Basalt runs its JIT warm-up (its own queries over a private
                                 temporary database, about 10 s) before the first query; a server warms up
                                 with basalt server --warm-up
              --answers DIR      reference answers (default: shared/tpch/answers/sfSF, found upwards)
              --json FILE        also write the results as JSON
              --chart FILE       also draw the query times as a bar chart (.svg or .png)
              --clients N        concurrency: clients, each on its own connection (default 32)
              --duration SECONDS concurrency: how long the clients work (default 180)

            Exit status: 0 all well, 1 a wrong answer or a failure, 2 a bad command line,
            3 refresh not supported by the database yet.""";

    private TpchCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, Progress.onConsole(System.err));
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new Progress(err, false));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Progress progress) {
        TpchOptions options;
        try {
            options = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("basalt tpch: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options == null) {
            out.println(USAGE);
            return 0;
        }
        try {
            return new TpchWorkflow(options, out, progress, "basalt tpch " + String.join(" ", args)).run();
        } catch (SQLException e) {
            err.println("basalt tpch: " + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
            return 1;
        } catch (Exception e) {
            err.println("basalt tpch: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }
}
