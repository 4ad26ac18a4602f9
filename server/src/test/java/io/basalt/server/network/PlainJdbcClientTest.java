package io.basalt.server.network;

import io.basalt.jdbc.BasaltDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver alone is enough for an application: a program compiled against the JDK only runs in its own JVM with
 * nothing but the driver module's build output (what {@code dist/basalt-jdbc.jar} packs) on the class path, connects
 * to a server, queries and reads metadata.
 */
class PlainJdbcClientTest {

    @TempDir
    Path directory;

    @Test
    void aProgramWithOnlyTheDriverOnItsClassPathConnectsQueriesAndReadsMetadata() throws Exception {
        Path program = directory.resolve("program");
        Files.createDirectories(program);
        Path source = program.resolve("PlainJdbcClient.java");
        try (InputStream in = PlainJdbcClientTest.class.getResourceAsStream("/plain-client/PlainJdbcClient.java")) {
            Files.copy(in, source);
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "-classpath", "", "-d", program.toString(), source.toString())).isZero();
        // the driver's classes as the build left them: its target/classes, or its jar when the build packaged it
        Path driver = Path.of(BasaltDriver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(driver.toString()).contains("jdbc-driver");

        try (NetworkTestServer server = new NetworkTestServer(directory.resolve("db"))) {
            Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(javaCommand.toString(), "-cp",
                    driver + File.pathSeparator + program, "PlainJdbcClient", server.url(), "admin",
                    NetworkTestServer.PASSWORD).redirectErrorStream(true).start();
            String output = new String(readAll(process), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines().toList()).as(output).containsSubsequence(List.of(
                    "row Earth 1", "row Mars 2",
                    "product Basalt driver Basalt JDBC Driver",
                    "table main.planets TABLE",
                    "column id INTEGER", "column name VARCHAR", "column moons INTEGER",
                    "key id"));
        }
    }

    private static byte[] readAll(Process process) throws IOException {
        try (InputStream in = process.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
