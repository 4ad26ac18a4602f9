package io.basalt.tpch;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** One generate → load → run → validate pass, printing what it measures. */
final class TpchRun {

    static final class Options {
        String scaleFactor = "0.01";
        Path dataDirectory = Path.of("tpch-data");
        String url = "jdbc:basalt:mem:";
        int hotRuns = 3;
        List<Integer> queries = IntStream.rangeClosed(1, TpchQueries.COUNT).boxed().toList();
    }

    private final Options options;
    private final PrintStream out;

    TpchRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** True when every checked answer matched. */
    boolean run() throws Exception {
        double scaleFactor = Double.parseDouble(options.scaleFactor);
        Path data = options.dataDirectory.resolve("sf" + options.scaleFactor);
        long start = System.nanoTime();
        TpchDataGenerator.generate(scaleFactor, data, Runtime.getRuntime().availableProcessors());
        out.printf("data: %s (%.1f s)%n", data, seconds(start));
        Optional<Path> answers = answersFor(options.scaleFactor);
        boolean allMatch = true;
        try (Connection connection = DriverManager.getConnection(options.url)) {
            start = System.nanoTime();
            TpchLoader.createAndLoad(connection, data);
            out.printf("load: %.1f s%n", seconds(start));
            out.printf("%-5s %10s %10s %10s %10s  %s%n", "query", "cold ms", "median ms", "min ms", "max ms", "answer");
            double totalMedian = 0;
            double logSum = 0;
            for (int query : options.queries) {
                String sql = TpchQueries.text(query);
                long coldStart = System.nanoTime();
                List<List<Object>> rows = QueryResults.fetch(connection, sql);
                double cold = (System.nanoTime() - coldStart) / 1e6;
                double[] hot = new double[Math.max(options.hotRuns, 1)];
                for (int run = 0; run < hot.length; run++) {
                    long hotStart = System.nanoTime();
                    QueryResults.fetch(connection, sql);
                    hot[run] = (System.nanoTime() - hotStart) / 1e6;
                }
                Arrays.sort(hot);
                double median = hot[hot.length / 2];
                totalMedian += median;
                logSum += Math.log(median);
                String verdict = "not checked";
                if (answers.isPresent()) {
                    Optional<String> difference = AnswerComparator.firstDifference(
                            ExpectedAnswer.read(ExpectedAnswer.fileFor(answers.get(), query)), rows);
                    verdict = difference.map(d -> "WRONG: " + d).orElse("ok");
                    allMatch &= difference.isEmpty();
                }
                out.printf("Q%-4d %10.1f %10.1f %10.1f %10.1f  %s%n", query, cold, median, hot[0], hot[hot.length - 1], verdict);
            }
            out.printf("total of medians: %.1f ms, geometric mean: %.1f ms%n", totalMedian,
                    Math.exp(logSum / options.queries.size()));
        }
        return allMatch;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** {@code shared/tpch/answers/sfSF} in this directory or one above it, if present. */
    private static Optional<Path> answersFor(String scaleFactor) {
        List<Path> candidates = new ArrayList<>();
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            candidates.add(directory.resolve("shared").resolve("tpch").resolve("answers").resolve("sf" + scaleFactor));
        }
        return candidates.stream().filter(Files::isDirectory).findFirst();
    }
}
