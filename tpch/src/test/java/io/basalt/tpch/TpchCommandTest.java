package io.basalt.tpch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TpchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TpchCommand.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("-h")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: basalt tpch");
    }

    @Test
    void badOptionsFailWithUsage() {
        assertThat(run("--sf")).isEqualTo(2);
        assertThat(run("--queries", "23")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("there is no TPC-H query 23").contains("Usage:");
    }

    @Test
    void runsAndValidatesQueries(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory) {
        int status = run("--sf", "0.01", "--data", directory.toString(), "--queries", "1,6", "--runs", "1");
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(text + err).isZero();
        assertThat(text).containsPattern("Q1 .* ok").containsPattern("Q6 .* ok").contains("geometric mean");
    }
}
