package io.basalt.server;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ServerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ServerCommand.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpDescribesTheCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: basalt server");
    }

    @Test
    void badArgumentsFailWithTheUsage() {
        assertThat(run("--port", "7433")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data DIR is required").contains("Usage:");
        assertThat(run("--data", "d", "--tls-required")).isEqualTo(2);
        assertThat(run("--data", "d", "--port", "x")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void memoryLimitTakesASize() {
        assertThat(ServerArguments.parse(new String[] {"--data", "d", "--memory-limit", "8GB"}).memoryLimit()).isEqualTo(8L << 30);
        assertThat(ServerArguments.parse(new String[] {"--data", "d"}).memoryLimit()).isEqualTo(ServerArguments.DEFAULT_MEMORY_LIMIT);
        assertThat(run("--data", "d", "--memory-limit", "lots")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--memory-limit").contains("invalid memory size");
        assertThat(run("--data", "d", "--memory-limit")).isEqualTo(2);
    }

    @Test
    void warmUpIsAFlagOffByDefault() {
        assertThat(ServerArguments.parse(new String[] {"--data", "d", "--warm-up"}).warmUp()).isTrue();
        assertThat(ServerArguments.parse(new String[] {"--data", "d"}).warmUp()).isFalse();
    }
}
