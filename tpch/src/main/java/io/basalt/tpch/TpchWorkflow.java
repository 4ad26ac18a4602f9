package io.basalt.tpch;

import io.basalt.tpch.concurrency.ConcurrentLoadTest;
import io.basalt.tpch.report.BarChart;
import io.basalt.tpch.report.JsonReport;
import io.basalt.tpch.report.Numbers;
import io.basalt.tpch.report.TextReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The steps of {@code basalt tpch}, each one sub-command: generate, load, run, validate, refresh, and all
 * (generate → load → run, answers checked). Each returns the process exit status: 0 when all went well,
 * 1 on a wrong answer or a failed step, {@link RefreshFunctions#NOT_SUPPORTED} for a refresh the database
 * cannot do yet.
 */
final class TpchWorkflow {

    private final TpchOptions options;
    private final PrintStream out;
    private final Progress progress;
    private final RunEnvironment environment;

    TpchWorkflow(TpchOptions options, PrintStream out, Progress progress, String commandLine) {
        this.options = options;
        this.out = out;
        this.progress = progress;
        this.environment = RunEnvironment.capture(commandLine);
    }

    int run() throws Exception {
        switch (options.command) {
            case "generate":
                generate();
                return 0;
            case "load":
                return load();
            case "run":
                return runQueries();
            case "validate":
                return validate();
            case "refresh":
                return refresh();
            case "concurrency":
                return concurrency();
            default:
                return all();
        }
    }

    /**
     * generate → load → run, with the answers checked in the run. The connections stay open from the load to
     * the run, so that a {@code jdbc:basalt:mem:} database (gone with its last connection) works too.
     */
    private int all() throws Exception {
        if (!options.fromGenerator) {
            generate();
        }
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = open(drivers);
            try {
                return benchmark(databases, loadInto(databases));
            } finally {
                closeAll(databases);
            }
        }
    }

    @SuppressWarnings("try") // a progress ticker only marks a scope: the body never needs to name it
    private void generate() throws IOException {
        Path directory = options.data();
        if (TpchDataGenerator.isComplete(directory)) {
            out.printf("data: %s (already there)%n%n", directory);
            return;
        }
        AtomicLong rows = new AtomicLong();
        AtomicReference<String> table = new AtomicReference<>("region");
        long start = System.nanoTime();
        try (Progress.Ticker ticker = progress.track(() -> "generating SF " + options.scaleFactor + ": " + table.get() + ", "
                + Numbers.grouped(rows.get()) + " rows")) {
            TpchDataGenerator.generate(options.scaleFactorValue(), directory, Runtime.getRuntime().availableProcessors(), rows, table);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = 0;
        for (String name : TpchSchema.TABLES) {
            bytes += Files.size(TpchDataGenerator.fileOf(directory, name));
        }
        out.printf(Locale.ROOT, "data: %s: %s rows, %s MB generated in %.1f s (%s rows/s)%n%n", directory,
                Numbers.grouped(rows.get()), Numbers.megabytes(bytes), seconds,
                Numbers.grouped(Math.round(rows.get() / Math.max(seconds, 1e-9))));
    }

    private int load() throws Exception {
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = open(drivers);
            try {
                List<LoadResult> loads = loadInto(databases);
                writeFiles(new BenchmarkReport(environment, options.scaleFactorName(), options.hotRuns, loads, List.of()));
                return 0;
            } finally {
                closeAll(databases);
            }
        }
    }

    private List<LoadResult> loadInto(List<BenchmarkDatabase> databases) throws Exception {
        Path data = options.data();
        if (!options.fromGenerator && !TpchDataGenerator.isComplete(data)) {
            throw new IllegalStateException("no complete set of .tbl files in " + data + ": run 'basalt tpch generate --sf "
                    + options.scaleFactor + " --out " + data + "' first, or load with --from-generator");
        }
        List<LoadResult> loads = new ArrayList<>();
        for (BenchmarkDatabase database : databases) {
            try (GeneratorPipe pipe = options.fromGenerator
                    ? new GeneratorPipe(options.scaleFactorValue(), Runtime.getRuntime().availableProcessors()) : null) {
                LoadResult load = TpchLoader.load(database, data, pipe, progress);
                TextReport.printLoad(load, out);
                loads.add(load);
            }
        }
        return loads;
    }

    private int runQueries() throws Exception {
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = openLoaded(drivers);
            try {
                return benchmark(databases, List.of());
            } finally {
                closeAll(databases);
            }
        }
    }

    private int benchmark(List<BenchmarkDatabase> databases, List<LoadResult> loads) throws Exception {
        Optional<Path> answers = options.answers();
        if (answers.isEmpty()) {
            out.println("answers: none found for SF " + options.scaleFactorName() + ": results are not checked");
        }
        List<DatabaseRun> runs = new QueryBenchmark(databases, options.hotRuns, answers, progress, progress.log())
                .run(options.queries);
        BenchmarkReport report = new BenchmarkReport(environment, options.scaleFactorName(), options.hotRuns, loads, runs);
        TextReport.printRuns(report, out);
        writeFiles(report);
        boolean allRight = runs.stream().allMatch(run -> run.failures() == 0 && run.wrongAnswers() == 0);
        return allRight ? 0 : 1;
    }

    private int validate() throws Exception {
        Path answers = options.answers().orElseThrow(() -> new IllegalStateException("no reference answers for SF "
                + options.scaleFactorName() + " (looked for shared/tpch/answers/sf" + options.scaleFactorName()
                + " here and above; --answers DIR names them)"));
        boolean allRight = true;
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = openLoaded(drivers);
            try {
                for (BenchmarkDatabase database : databases) {
                    allRight &= AnswerValidation.validate(database, options.queries, answers, progress, out);
                }
            } finally {
                closeAll(databases);
            }
        }
        return allRight ? 0 : 1;
    }

    private int refresh() throws Exception {
        RefreshSet set = new RefreshSet(options.scaleFactorValue(), 1);
        int status = 0;
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = openLoaded(drivers);
            try {
                for (BenchmarkDatabase database : databases) {
                    int result = new RefreshFunctions(database, set, progress, out).run(options.answers(), options.queries);
                    if (result == 1) {
                        status = 1;
                    } else if (result == RefreshFunctions.NOT_SUPPORTED && status == 0) {
                        status = result;
                    }
                }
            } finally {
                closeAll(databases);
            }
        }
        return status;
    }

    /** Many clients at once on the loaded database, every answer checked: see {@link ConcurrentLoadTest}. */
    private int concurrency() throws Exception {
        Path answers = options.answers().orElseThrow(() -> new IllegalStateException("no reference answers for SF "
                + options.scaleFactorName() + ": the load test checks every answer (--answers DIR names them)"));
        try (DriverLoader drivers = new DriverLoader(options.driverPaths)) {
            List<BenchmarkDatabase> databases = openLoaded(drivers);
            try {
                BenchmarkDatabase database = databases.get(0);
                boolean ok = new ConcurrentLoadTest(database.url(), database.connection(), options.queries, answers,
                        options.clients, options.durationSeconds).run(out);
                return ok ? 0 : 1;
            } finally {
                closeAll(databases);
            }
        }
    }

    /** Connects to every database, the one under test first. */
    private List<BenchmarkDatabase> open(DriverLoader drivers) throws SQLException {
        List<BenchmarkDatabase> databases = new ArrayList<>();
        try {
            String previous = null;
            for (String url : options.urls()) {
                boolean warmUp = options.warmUp && BenchmarkDatabase.isInProcessBasalt(url);
                if (warmUp) {
                    out.print("Warming up Basalt's JIT before the first query (--warm-up): ");
                    out.flush();
                }
                long start = System.nanoTime();
                BenchmarkDatabase database = BenchmarkDatabase.open(url, drivers, options.threads, options.memoryLimit,
                        warmUp, previous);
                if (warmUp) {
                    out.println(Numbers.millis((System.nanoTime() - start) / 1e6) + " ms");
                }
                databases.add(database);
                previous = database.label();
            }
            return databases;
        } catch (SQLException | RuntimeException e) {
            closeAll(databases);
            throw e;
        }
    }

    /**
     * Connects and checks that every database holds this scale factor's data, so that a run against a
     * database loaded at another scale factor says so instead of reporting 22 wrong answers.
     */
    private List<BenchmarkDatabase> openLoaded(DriverLoader drivers) throws SQLException {
        List<BenchmarkDatabase> databases = open(drivers);
        try {
            for (BenchmarkDatabase database : databases) {
                long orders;
                try {
                    orders = TpchLoader.count(database.connection(), "orders");
                } catch (SQLException e) {
                    throw new IllegalStateException(database.url() + " has no TPC-H tables (" + QueryBenchmark.oneLine(e)
                            + "): run 'basalt tpch load' first", e);
                }
                long expected = Math.round(1_500_000 * options.scaleFactorValue());
                if (orders != expected) {
                    throw new IllegalStateException(String.format(Locale.ROOT,
                            "%s holds %,d orders, but SF %s has %,d: it was loaded at another scale factor (or changed since)",
                            database.url(), orders, options.scaleFactor, expected));
                }
            }
            return databases;
        } catch (RuntimeException e) {
            closeAll(databases);
            throw e;
        }
    }

    private void writeFiles(BenchmarkReport report) throws IOException {
        if (options.jsonFile != null) {
            JsonReport.write(report, options.jsonFile);
            out.println("json: " + options.jsonFile);
        }
        if (options.chartFile != null) {
            if (report.runs().isEmpty()) {
                out.println("chart: nothing to draw without query runs");
            } else {
                BarChart.write(report, options.chartFile);
                out.println("chart: " + options.chartFile);
            }
        }
    }

    private static void closeAll(List<BenchmarkDatabase> databases) {
        for (BenchmarkDatabase database : databases) {
            try {
                database.close();
            } catch (SQLException e) {
                // Closing after the work is done: nothing is lost, and the report matters more.
            }
        }
    }
}
