package io.basalt.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BasaltCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BasaltCommand.run(args,
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
    void helpPrintsUsageOnStdout() {
        assertThat(run("help")).isZero();
        assertThat(out()).startsWith("Usage: basalt COMMAND")
                .contains("shell", "server", "tpch", "version", "help");
        assertThat(err()).isEmpty();
    }

    @Test
    void helpFlagsAreAliases() {
        assertThat(run("--help")).isZero();
        assertThat(run("-h")).isZero();
        assertThat(err()).isEmpty();
    }

    @Test
    void unknownCommandPrintsUsageOnStderrAndExitsWithTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("Usage: basalt COMMAND");
        assertThat(out()).isEmpty();
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("Usage: basalt COMMAND");
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertThat(run("help", "frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void versionPrintsOneLine() {
        assertThat(run("version")).isZero();
        assertThat(out()).startsWith("basalt ").contains("Java ").endsWith(System.lineSeparator());
        assertThat(out().lines()).hasSize(1);
    }
}
