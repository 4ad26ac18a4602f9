package io.basalt.tpch;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code basalt tpch [--sf SF] [--data DIR] [--url URL] [--queries 1,6,…] [--runs N]}: generates TPC-H data
 * (once, into {@code DIR/sfSF}), loads it into a fresh database, runs the queries (one cold run, then N
 * hot runs each), checks every answer against {@code shared/tpch/answers/sfSF} when that directory exists,
 * and prints load and per-query times. The full harness (JSON, charts, refresh functions, comparison with
 * another database) is the harness issue's.
 */
public final class TpchCommand {

    static final String USAGE = """
            Usage: basalt tpch [--sf SF] [--data DIR] [--url URL] [--queries LIST] [--runs N]

              --sf SF          scale factor (default 0.01)
              --data DIR       where generated .tbl files are kept (default tpch-data)
              --url URL        database to load into (default jdbc:basalt:mem:, a temporary embedded one)
              --queries LIST   comma-separated query numbers (default all 22)
              --runs N         hot runs per query after the cold one (default 3)""";

    private TpchCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        TpchRun.Options options = new TpchRun.Options();
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + arg + " needs a value");
                }
                String value = args[++i];
                switch (arg) {
                    case "--sf" -> options.scaleFactor = value;
                    case "--data" -> options.dataDirectory = Path.of(value);
                    case "--url" -> options.url = value;
                    case "--runs" -> options.hotRuns = Integer.parseInt(value);
                    case "--queries" -> options.queries = parseQueries(value);
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            Double.parseDouble(options.scaleFactor);
        } catch (IllegalArgumentException e) {
            err.println("basalt tpch: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return new TpchRun(options, out).run() ? 0 : 1;
        } catch (Exception e) {
            err.println("basalt tpch: " + e.getMessage());
            return 1;
        }
    }

    private static List<Integer> parseQueries(String list) {
        List<Integer> queries = new ArrayList<>();
        for (String part : list.split(",")) {
            int query = Integer.parseInt(part.trim());
            if (query < 1 || query > TpchQueries.COUNT) {
                throw new IllegalArgumentException("there is no TPC-H query " + query);
            }
            queries.add(query);
        }
        return queries;
    }
}
