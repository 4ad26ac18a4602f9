package io.basalt.tpch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

class TpchCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return TpchCommand.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpDescribesTheCommands() {
        assertThat(run("-h")).isZero();
        assertThat(out()).startsWith("Usage: basalt tpch").contains("generate", "load", "validate", "refresh", "--compare");
        assertThat(run("run", "--help")).isZero();
    }

    @Test
    void badCommandLinesFailWithUsage() {
        assertThat(run("--sf")).isEqualTo(2);
        assertThat(err()).contains("option --sf needs a value");
        assertThat(run("--queries", "23")).isEqualTo(2);
        assertThat(err()).contains("there is no TPC-H query 23").contains("Usage:");
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
        assertThat(run("run", "--from-generator")).isEqualTo(2);
        assertThat(run("--sf", "lots")).isEqualTo(2);
        assertThat(err()).contains("--sf needs a number");
        assertThat(run("--runs", "-1")).isEqualTo(2);
        assertThat(run("run", "--memory-limit", "8GB'; DROP TABLE lineitem; --")).isEqualTo(2);
        assertThat(err()).contains("--memory-limit takes a size such as 8GB");
    }

    @Test
    void memoryLimitIsSetOnTheConnectionAndPeakHeapIsReported() {
        String url = url("limited");
        assertThat(run("load", "--sf", "0.01", "--from-generator", "--url", url)).as(out() + err()).isZero();

        assertThat(run("run", "--sf", "0.01", "--url", url, "--queries", "1", "--runs", "0", "--memory-limit", "64 MB"))
                .as(out() + err()).isZero();
        assertThat(out()).contains("peak heap MB").containsPattern("Q1 .* ok");

        // A limit nothing fits in (not even a spilling aggregation's one batch) shows that the setting reached the
        // session the queries run on.
        assertThat(run("run", "--sf", "0.01", "--url", url, "--queries", "1", "--runs", "0", "--memory-limit", "1KB"))
                .isEqualTo(1);
        assertThat(out() + err()).contains("exceeded its memory limit");
    }

    @Test
    void everythingInOneGoWithJsonAndChart() throws IOException {
        Path json = directory.resolve("report.json");
        Path chart = directory.resolve("chart.svg");
        int status = run("--sf", "0.01", "--data", directory.resolve("data").toString(), "--url", url("all"),
                "--queries", "1,6", "--runs", "1", "--json", json.toString(), "--chart", chart.toString());
        assertThat(status).as(out() + err()).isZero();
        assertThat(out()).contains("Basalt load from .tbl files").contains("bytes on disk:")
                .containsPattern("Q1 .* ok").containsPattern("Q6 .* ok").contains("geometric mean");
        assertThat(err()).contains("Q1 (1 of 2): Basalt").contains("Q6 (2 of 2)");
        assertThat(Files.readString(json)).contains("\"benchmark\": \"TPC-H\"", "\"query\": 6", "\"answer\": \"ok\"",
                "\"table\": \"lineitem\"", "\"rows\": 60175");
        // the planning runs (warm EXPLAINs after all queries ran) reach each query's figures: one run per --runs
        assertThat(Files.readString(json)).containsPattern("\"planning_runs_ms\": \\[\\s*[0-9.]+\\s*\\]")
                .doesNotContain("\"planning_runs_ms\": []");
        assertThat(Files.readString(chart)).startsWith("<?xml").contains("TPC-H SF 0.01", ">Q6<");
    }

    @Test
    void everythingInOneGoKeepsAnInMemoryDatabaseFromLoadToRun() {
        // with the JIT warm-up first (connection property warm_up=true; server's JitWarmUpTest checks what it does)
        int status = run("--sf", "0.01", "--data", directory.resolve("data").toString(), "--url", "jdbc:basalt:mem:",
                "--queries", "6", "--runs", "0", "--warm-up");
        assertThat(status).as(out() + err()).isZero();
        assertThat(out()).contains("Warming up Basalt's JIT before the first query")
                .contains("bytes on disk: not known for this URL").containsPattern("Q6 .* ok");
    }

    @Test
    void refreshInsertsThenDeletesAndTheAnswersComeBack() throws Exception {
        String url = url("refresh");
        assertThat(run("load", "--sf", "0.01", "--from-generator", "--url", url)).as(err()).isZero();
        assertThat(run("refresh", "--sf", "0.01", "--url", url)).as(out() + err()).isZero();
        assertThat(out()).contains("RF1 (insert) 70 rows").contains("RF2 (delete) 15 orders");
        try (Connection connection = DriverManager.getConnection(url)) {
            assertThat(TpchLoader.count(connection, "orders")).isEqualTo(15_000);
            assertThat(TpchLoader.count(connection, "lineitem")).isEqualTo(60_175);
        }
    }

    @Test
    void stepsOnAMissingOrMismatchedDatabaseExplainWhatToDo() {
        assertThat(run("load", "--sf", "0.01", "--data", directory.resolve("nothing").toString(), "--url", url("empty")))
                .isEqualTo(1);
        assertThat(err()).contains("no complete set of .tbl files").contains("basalt tpch generate --sf 0.01");
        assertThat(run("run", "--sf", "0.01", "--url", url("empty"))).isEqualTo(1);
        assertThat(err()).contains("has no TPC-H tables").contains("basalt tpch load");
        assertThat(run("load", "--sf", "0.01", "--from-generator", "--url", url("small"))).as(err()).isZero();
        assertThat(run("validate", "--sf", "0.1", "--url", url("small"))).isEqualTo(1);
        assertThat(err()).contains("holds 15,000 orders, but SF 0.1 has 150,000");
    }

    @Test
    void aDriverThatIsNotThereIsNamed() {
        assertThat(run("run", "--url", "jdbc:nosuchdb:x")).isEqualTo(1);
        assertThat(err()).contains("No suitable driver").contains("--drivers");
        assertThat(run("run", "--drivers", directory.resolve("missing.jar").toString())).isEqualTo(1);
        assertThat(err()).contains("missing.jar does not exist");
    }

    private String url(String name) {
        return "jdbc:basalt:file:" + directory.resolve("db-" + name);
    }
}
