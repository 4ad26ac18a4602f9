package io.basalt.server.sqllogictest;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every sqllogictest file under {@code src/test/sql}, each on a fresh in-memory database through the
 * embedded JDBC driver and with a fresh temporary directory for {@code __TEST_DIR__}.
 */
class SqlLogicTestFilesTest {

    private static final Path DIRECTORY = Path.of("src", "test", "sql");

    @TestFactory
    Stream<DynamicTest> sqlLogicTests() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DIRECTORY)) {
            // -Dsqllogictest.only=serial runs the files whose name contains "serial" (while iterating on one area).
            String only = System.getProperty("sqllogictest.only", "");
            files = walk.filter(f -> f.toString().endsWith(".test") && f.getFileName().toString().contains(only))
                    .sorted().toList();
        }
        assertThat(files).as("sqllogictest files in " + DIRECTORY.toAbsolutePath()).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(DIRECTORY.relativize(file).toString(), () -> {
            List<SqlLogicTestRecord> records = SqlLogicTestParser.parse(file.toString(),
                    Files.readAllLines(file, StandardCharsets.UTF_8));
            Path testDirectory = Files.createTempDirectory("basalt-slt");
            try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
                Optional<String> failure = SqlLogicTestRunner.run(DIRECTORY.relativize(file).toString(), records,
                        connection, testDirectory);
                assertThat(failure).isEmpty();
            } finally {
                deleteRecursively(testDirectory);
            }
        }));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
