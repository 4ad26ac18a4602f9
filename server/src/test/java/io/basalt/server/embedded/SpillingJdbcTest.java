package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Spill files of a file database: written under DIR/tmp/ while a query runs, gone after it and after a crash. */
class SpillingJdbcTest {

    @TempDir
    Path directory;

    @Test
    void aSortOverTheLimitSpillsUnderTheDataDirectoryAndCleansUp() throws SQLException, IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:file:" + directory + "?memory_limit=1MB");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE digits (d INT)");
            statement.execute("INSERT INTO digits VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)");
            statement.execute("CREATE TABLE big AS SELECT a.d * 10000 + b.d * 1000 + c.d * 100 + e.d * 10 + f.d AS k "
                    + "FROM digits a, digits b, digits c, digits e, digits f");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("EXPLAIN ANALYZE SELECT k FROM big ORDER BY k DESC")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).containsPattern("spilled=[0-9.]+ (B|KiB|MiB) \\([0-9]+ rows\\)");
            try (ResultSet rows = statement.executeQuery("SELECT k FROM big ORDER BY k DESC")) {
                long expected = 99_999;
                while (rows.next()) {
                    assertThat(rows.getLong(1)).isEqualTo(expected--);
                }
                assertThat(expected).isEqualTo(-1);
            }
            assertThat(spillDirectories()).isEmpty();
        }
    }

    @Test
    void leftoversOfAKilledProcessAreDeletedWhenTheDatabaseOpens() throws SQLException, IOException {
        Path leftover = Files.createDirectories(directory.resolve("tmp").resolve("spill-killed"));
        Files.writeString(leftover.resolve("1-sort-run.spill"), "partial");
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:file:" + directory)) {
            assertThat(connection.isValid(1)).isTrue();
            assertThat(leftover).doesNotExist();
        }
    }

    private Stream<Path> spillDirectories() throws IOException {
        Path tmp = directory.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("spill-")).toList().stream();
        }
    }
}
