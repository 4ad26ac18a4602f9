package io.basalt.tpch.report;

import io.basalt.tpch.BenchmarkReport;
import io.basalt.tpch.Comparison;
import io.basalt.tpch.DatabaseRun;
import io.basalt.tpch.LoadResult;
import io.basalt.tpch.QueryTiming;
import io.basalt.tpch.RunEnvironment;
import io.basalt.tpch.TableLoad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run as JSON ({@code --json FILE}), for tracking figures over time: {@code environment}, {@code loads}
 * (per table: rows, text bytes, seconds, bytes on disk), {@code runs} (per database, per query: cold, every
 * hot and planning run, median, min, max, answer, the process CPU time of every hot run and the
 * CPU utilisation: CPU time ÷ (wall time × cores) over the hot runs, 0 to 1) and {@code comparison} (ratio per query and their geometric
 * mean). Times are milliseconds unless a name says seconds.
 */
public final class JsonReport {

    /** Bumped when a field changes meaning, so that trackers can tell old files from new. */
    static final int FORMAT_VERSION = 1;

    private JsonReport() {
    }

    public static void write(BenchmarkReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
    }

    static String toJson(BenchmarkReport report) {
        JsonWriter json = new JsonWriter().beginObject();
        json.field("format", FORMAT_VERSION).field("benchmark", "TPC-H").field("scale_factor", report.scaleFactor())
                .field("hot_runs", report.hotRuns());
        environment(json.name("environment"), report.environment());
        json.name("loads").beginArray();
        for (LoadResult load : report.loads()) {
            load(json, load);
        }
        json.endArray();
        json.name("runs").beginArray();
        for (DatabaseRun run : report.runs()) {
            run(json, run, report.environment().cores());
        }
        json.endArray();
        if (report.comparison().isPresent()) {
            comparison(json.name("comparison"), report.comparison().get());
        }
        return json.endObject().text();
    }

    private static void environment(JsonWriter json, RunEnvironment environment) {
        json.beginObject()
                .field("date", environment.date())
                .field("java_version", environment.javaVersion())
                .field("java_vendor", environment.javaVendor())
                .field("java_vm", environment.javaVm())
                .field("os", environment.operatingSystem())
                .field("cores", environment.cores())
                .field("max_heap_bytes", environment.maxHeapBytes())
                .field("git_commit", environment.gitCommit())
                .field("command", environment.commandLine())
                .field("load_average_at_start", environment.loadAverage())
                .endObject();
    }

    private static void load(JsonWriter json, LoadResult load) {
        json.beginObject()
                .field("database", load.database())
                .field("url", load.url())
                .field("source", load.source())
                .field("seconds", load.seconds())
                .field("rows", load.rows())
                .field("text_bytes", load.textBytes())
                .field("bytes_on_disk", load.bytesOnDisk())
                .field("database_bytes", load.databaseBytes())
                .field("compression_ratio", load.compressionRatio());
        json.name("tables").beginArray();
        for (TableLoad table : load.tables()) {
            json.beginObject()
                    .field("table", table.table())
                    .field("rows", table.rows())
                    .field("text_bytes", table.textBytes())
                    .field("seconds", table.seconds())
                    .field("rows_per_second", table.rowsPerSecond())
                    .field("bytes_on_disk", table.diskBytes())
                    .endObject();
        }
        json.endArray().endObject();
    }

    private static void run(JsonWriter json, DatabaseRun run, int cores) {
        json.beginObject()
                .field("database", run.database())
                .field("version", run.version())
                .field("url", run.url())
                .field("total_ms", run.totalMillis())
                .field("geometric_mean_ms", run.geometricMeanMillis())
                .field("correct_answers", run.correctAnswers())
                .field("wrong_answers", run.wrongAnswers())
                .field("failed_queries", run.failures());
        json.name("queries").beginArray();
        for (QueryTiming query : run.queries()) {
            json.beginObject()
                    .field("query", query.query())
                    .field("answer", query.answer())
                    .field("cold_ms", query.coldMillis())
                    .field("median_ms", query.medianMillis())
                    .field("min_ms", query.minMillis())
                    .field("max_ms", query.maxMillis())
                    .field("planning_ms", query.planMedianMillis())
                    .field("execution_ms", query.executionMillis())
                    .field("cpu_utilisation", query.cpuUtilisation(cores));
            if (query.peakHeapKnown()) {
                json.field("peak_heap_bytes", query.peakHeapBytes());
            }
            numbers(json.name("hot_ms"), query.hotMillis());
            numbers(json.name("hot_cpu_ms"), query.hotCpuMillis());
            numbers(json.name("planning_runs_ms"), query.planMillis());
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static void comparison(JsonWriter json, Comparison comparison) {
        json.beginObject()
                .field("subject", comparison.subject().database())
                .field("reference", comparison.reference().database())
                .field("ratio_meaning", "subject time / reference time; above 1 the subject is slower")
                .field("geometric_mean_ratio", comparison.geometricMeanRatio());
        json.name("ratios").beginArray();
        for (int i = 0; i < comparison.subject().queries().size(); i++) {
            json.beginObject().field("query", comparison.subject().queries().get(i).query())
                    .field("ratio", comparison.ratio(i)).endObject();
        }
        json.endArray().endObject();
    }

    private static void numbers(JsonWriter json, List<Double> values) {
        json.beginArray();
        for (double value : values) {
            json.value(value);
        }
        json.endArray();
    }
}
