package io.basalt.tpch.report;

import io.basalt.tpch.BenchmarkReport;
import io.basalt.tpch.Comparison;
import io.basalt.tpch.DatabaseRun;
import io.basalt.tpch.LoadResult;
import io.basalt.tpch.QueryTiming;
import io.basalt.tpch.RunEnvironment;
import io.basalt.tpch.TableLoad;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The aligned tables a person reads on the terminal: loads, per-query times, summaries and the comparison. */
public final class TextReport {

    /** Below this, what else a database's files hold is bookkeeping (catalog versions, empty tables). */
    private static final long EARLIER_DATA_NOTICE_BYTES = 8L << 20;

    private TextReport() {
    }

    public static void printLoad(LoadResult load, PrintStream out) {
        out.printf("%s load from %s (%s)%n", load.database(), load.source(), load.url());
        TextTable table = new TextTable("table", "rows", "text MB", "seconds", "rows/s", "text MB/s", "disk MB");
        for (TableLoad entry : load.tables()) {
            table.row(entry.table(), Numbers.grouped(entry.rows()), Numbers.megabytes(entry.textBytes()),
                    Numbers.seconds(entry.seconds()), Numbers.grouped(Math.round(entry.rowsPerSecond())),
                    megabytesPerSecond(entry.textBytes(), entry.seconds()),
                    entry.diskBytes() < 0 ? "-" : Numbers.megabytes(entry.diskBytes()));
        }
        table.rule();
        double copySeconds = load.tables().stream().mapToDouble(TableLoad::seconds).sum();
        table.row("total", Numbers.grouped(load.rows()), Numbers.megabytes(load.textBytes()), Numbers.seconds(copySeconds),
                Numbers.grouped(Math.round(copySeconds > 0 ? load.rows() / copySeconds : 0)),
                megabytesPerSecond(load.textBytes(), copySeconds),
                load.bytesOnDisk() < 0 ? "-" : Numbers.megabytes(load.bytesOnDisk()));
        table.print(out);
        if (load.bytesOnDisk() > 0) {
            out.printf(Locale.ROOT, "bytes on disk: %s (%.1f %% of the text, %.2f× smaller); %.2f s in all, creating the tables included%n",
                    Numbers.grouped(load.bytesOnDisk()), 100.0 * load.bytesOnDisk() / Math.max(1, load.textBytes()),
                    load.compressionRatio(), load.seconds());
        } else {
            out.printf(Locale.ROOT, "bytes on disk: not known for this URL; %.2f s in all%n", load.seconds());
        }
        if (load.databaseBytes() - Math.max(0, load.bytesOnDisk()) > EARLIER_DATA_NOTICE_BYTES) {
            out.printf("note: the database's files hold %s bytes in all, more than this load added: data of earlier loads is"
                    + " still on disk, so sizes are only exact for a load into a new database%n", Numbers.grouped(load.databaseBytes()));
        }
        out.println();
    }

    public static void printRuns(BenchmarkReport report, PrintStream out) {
        RunEnvironment environment = report.environment();
        out.printf(Locale.ROOT, "TPC-H SF %s, %s · JDK %s (%s) · %d cores · heap %.1f GB · load average at start %s%s%n%n",
                report.scaleFactor(), environment.date(), environment.javaVersion(), environment.javaVm(), environment.cores(),
                environment.maxHeapBytes() / (double) (1L << 30), environment.loadAverage() == null ? "unknown" : environment.loadAverage(),
                environment.gitCommit() == null ? "" : " · commit " + environment.gitCommit());
        int cores = environment.cores();
        for (DatabaseRun run : report.runs()) {
            printRun(run, cores, out);
        }
        report.comparison().ifPresent(comparison -> printComparison(comparison, cores, out));
    }

    private static void printRun(DatabaseRun run, int cores, PrintStream out) {
        out.printf("%s %s (%s): milliseconds; plan = EXPLAIN of the same text, exec = median - plan,"
                + " cpu = process CPU time ÷ (wall time × %d cores) over the hot runs%n", run.database(), run.version(), run.url(), cores);
        boolean heapKnown = run.queries().stream().anyMatch(QueryTiming::peakHeapKnown);
        TextTable table = heapKnown
                ? new TextTable("query", "cold", "median", "min", "max", "plan", "exec", "cpu", "peak heap MB", "answer")
                : new TextTable("query", "cold", "median", "min", "max", "plan", "exec", "cpu", "answer");
        for (QueryTiming query : run.queries()) {
            List<String> cells = new ArrayList<>(List.of("Q" + query.query(), Numbers.millis(query.coldMillis()),
                    Numbers.millis(query.medianMillis()), Numbers.millis(query.minMillis()), Numbers.millis(query.maxMillis()),
                    Numbers.millis(query.planMedianMillis()), Numbers.millis(query.executionMillis()),
                    Numbers.percent(query.cpuUtilisation(cores))));
            if (heapKnown) {
                cells.add(query.peakHeapKnown() ? Numbers.megabytes(query.peakHeapBytes()) : "-");
            }
            cells.add(query.answer());
            table.row(cells.toArray(String[]::new));
        }
        table.print(out);
        out.printf(Locale.ROOT, "%s: total %s ms, geometric mean %s ms over %d queries; answers: %d ok, %d wrong, %d failed, %d not checked%n%n",
                run.database(), Numbers.millis(run.totalMillis()), Numbers.millis(run.geometricMeanMillis()),
                run.queries().size() - run.failures(), run.correctAnswers(), run.wrongAnswers(), run.failures(),
                run.queries().size() - run.correctAnswers() - run.wrongAnswers() - run.failures());
    }

    private static void printComparison(Comparison comparison, int cores, PrintStream out) {
        String subject = comparison.subject().database();
        String reference = comparison.reference().database();
        out.printf("%s beside %s (ratio = %s ÷ %s; above 1, %s is slower; cpu = CPU utilisation of %d cores)%n",
                subject, reference, subject, reference, subject, cores);
        TextTable table = new TextTable("query", subject + " ms", reference + " ms", "ratio", subject + " cpu", reference + " cpu");
        for (int i = 0; i < comparison.subject().queries().size(); i++) {
            QueryTiming mine = comparison.subject().queries().get(i);
            QueryTiming theirs = comparison.reference().queries().get(i);
            table.row("Q" + mine.query(), mine.succeeded() ? Numbers.millis(mine.representativeMillis()) : "failed",
                    theirs.succeeded() ? Numbers.millis(theirs.representativeMillis()) : "failed",
                    Numbers.ratio(comparison.ratio(i)), Numbers.percent(mine.cpuUtilisation(cores)),
                    Numbers.percent(theirs.cpuUtilisation(cores)));
        }
        table.rule();
        table.row("total", Numbers.millis(comparison.subject().totalMillis()), Numbers.millis(comparison.reference().totalMillis()),
                Numbers.ratio(comparison.subject().totalMillis() / comparison.reference().totalMillis()), "", "");
        table.row("geo mean", Numbers.millis(comparison.subject().geometricMeanMillis()),
                Numbers.millis(comparison.reference().geometricMeanMillis()), Numbers.ratio(comparison.geometricMeanRatio()), "", "");
        table.print(out);
        out.printf(Locale.ROOT, "geometric mean of the ratios: %.2f%n%n", comparison.geometricMeanRatio());
    }

    private static String megabytesPerSecond(long bytes, double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%.1f", bytes / 1e6 / seconds) : "-";
    }
}
