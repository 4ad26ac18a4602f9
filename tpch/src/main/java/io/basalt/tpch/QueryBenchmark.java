package io.basalt.tpch;

import io.basalt.tpch.report.Numbers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the queries on one or more databases, alternating between them query by query and run by run, so
 * that both see the same machine at nearly the same moment (this machine is shared and noisy): for each
 * query, a cold run on each database, then the hot runs (one on each, in turn), then the planning runs
 * ({@code EXPLAIN}). The process's CPU time is read around every hot run, for the CPU utilisation
 * ({@link QueryTiming#cpuUtilisation}). A query that fails on one database is reported and the others go on.
 */
final class QueryBenchmark {

    private final List<BenchmarkDatabase> databases;
    private final int hotRuns;
    private final Optional<Path> answers;
    private final Progress progress;
    private final PrintStream log;

    QueryBenchmark(List<BenchmarkDatabase> databases, int hotRuns, Optional<Path> answers, Progress progress, PrintStream log) {
        this.databases = databases;
        this.hotRuns = hotRuns;
        this.answers = answers;
        this.progress = progress;
        this.log = log;
    }

    /** One run per database, in the order of {@code databases}. */
    @SuppressWarnings("try") // a progress ticker only marks a scope: the body never needs to name it
    List<DatabaseRun> run(List<Integer> queries) throws IOException {
        List<List<QueryTiming>> timings = new ArrayList<>();
        for (int i = 0; i < databases.size(); i++) {
            timings.add(new ArrayList<>());
        }
        for (int position = 0; position < queries.size(); position++) {
            int query = queries.get(position);
            AtomicReference<String> step = new AtomicReference<>("cold run");
            String prefix = String.format(Locale.ROOT, "Q%d (%d of %d)", query, position + 1, queries.size());
            List<QueryTiming> results;
            try (Progress.Ticker ticker = progress.track(() -> prefix + ": " + step.get())) {
                results = measure(query, step);
            }
            StringBuilder line = new StringBuilder(prefix + ":");
            for (int i = 0; i < databases.size(); i++) {
                QueryTiming timing = results.get(i);
                timings.get(i).add(timing);
                line.append(i == 0 ? " " : ", ").append(databases.get(i).label()).append(' ')
                        .append(timing.succeeded() ? Numbers.millis(timing.representativeMillis()) + " ms " : "")
                        .append(timing.answer());
            }
            log.println(line);
        }
        try (Progress.Ticker ticker = progress.track(() -> "planning (EXPLAIN of every query, warm)")) {
            new WarmPlanning(databases, Math.max(1, hotRuns)).measure(queries, timings);
        }
        List<DatabaseRun> runs = new ArrayList<>();
        for (int i = 0; i < databases.size(); i++) {
            BenchmarkDatabase database = databases.get(i);
            runs.add(new DatabaseRun(database.label(), database.version(), database.url(), timings.get(i)));
        }
        return runs;
    }

    /** Measures one query on every database; {@code step} names what is running, for the progress display. */
    private List<QueryTiming> measure(int query, AtomicReference<String> step) throws IOException {
        String sql = TpchQueries.text(query);
        int count = databases.size();
        double[] cold = new double[count];
        String[] answer = new String[count];
        long[] peakHeap = new long[count];
        List<List<Double>> hot = new ArrayList<>();
        List<List<Double>> hotCpu = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hot.add(new ArrayList<>());
            peakHeap[i] = -1;
            HeapPeak heap = startHeapPeak(databases.get(i));
            hotCpu.add(new ArrayList<>());
            long start = System.nanoTime();
            try {
                List<List<Object>> rows = QueryResults.fetch(databases.get(i).connection(), sql);
                cold[i] = (System.nanoTime() - start) / 1e6;
                peakHeap[i] = peakOf(heap, peakHeap[i]);
                answer[i] = AnswerCheck.verdict(answers, query, rows);
            } catch (SQLException e) {
                answer[i] = "ERROR: " + oneLine(e);
            }
        }
        for (int run = 1; run <= hotRuns; run++) {
            step.set("hot run " + run + " of " + hotRuns);
            for (int i = 0; i < count; i++) {
                if (answer[i].startsWith("ERROR")) {
                    continue;
                }
                HeapPeak heap = startHeapPeak(databases.get(i));
                long cpuStart = ProcessCpuClock.nanos();
                long start = System.nanoTime();
                try {
                    QueryResults.fetch(databases.get(i).connection(), sql);
                    hot.get(i).add((System.nanoTime() - start) / 1e6);
                    long cpuEnd = ProcessCpuClock.nanos();
                    if (cpuStart >= 0 && cpuEnd >= 0) {
                        hotCpu.get(i).add((cpuEnd - cpuStart) / 1e6);
                    }
                    peakHeap[i] = peakOf(heap, peakHeap[i]);
                } catch (SQLException e) {
                    answer[i] = "ERROR: in hot run " + run + ": " + oneLine(e);
                }
            }
        }
        List<QueryTiming> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(answer[i].startsWith("ERROR") ? QueryTiming.failed(query, answer[i].substring("ERROR: ".length()))
                    : new QueryTiming(query, cold[i], List.copyOf(hot.get(i)), List.of(), answer[i],
                            List.copyOf(hotCpu.get(i)), peakHeap[i]));
        }
        return results;
    }

    /** Heap measurement for a database in this process (its heap is ours); null for any other. */
    private static HeapPeak startHeapPeak(BenchmarkDatabase database) {
        return database.runsInThisProcess() ? HeapPeak.start() : null;
    }

    private static long peakOf(HeapPeak heap, long earlier) {
        return heap == null ? earlier : Math.max(earlier, heap.bytes());
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
