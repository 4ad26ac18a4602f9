package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DML update counts and JDBC's transaction methods over the embedded transport. */
class TransactionJdbcTest {

    @TempDir
    Path directory;

    @Test
    void updateCountsAndManualCommit() throws SQLException {
        String url = "jdbc:basalt:file:" + directory.resolve("db");
        try (Connection writer = DriverManager.getConnection(url); Connection reader = DriverManager.getConnection(url);
             Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE t (id INT NOT NULL, v VARCHAR(5))");
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')")).isEqualTo(3);
            assertThat(statement.executeUpdate("UPDATE t SET v = 'z' WHERE id >= 2")).isEqualTo(2);
            assertThat(statement.executeUpdate("DELETE FROM t WHERE id = 3")).isEqualTo(1);
            assertThat(statement.executeUpdate("MERGE INTO t USING (VALUES (1, 'm'), (9, 'n')) AS s (id, v) ON t.id = s.id "
                    + "WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)")).isEqualTo(2);

            writer.setAutoCommit(false);
            statement.executeUpdate("DELETE FROM t");
            assertThat(count(writer)).isZero();
            assertThat(count(reader)).as("not committed yet").isEqualTo(3);
            writer.rollback();
            assertThat(count(writer)).isEqualTo(3);

            try (PreparedStatement update = writer.prepareStatement("UPDATE t SET v = ? WHERE id = ?")) {
                update.setString(1, "p");
                update.setInt(2, 1);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            writer.commit();
            try (ResultSet rows = reader.createStatement().executeQuery("SELECT v FROM t WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("p");
            }

            reader.setAutoCommit(false);
            reader.createStatement().executeUpdate("UPDATE t SET v = 'r'");
            statement.executeUpdate("UPDATE t SET v = 'w'");
            writer.commit();
            assertThatThrownBy(reader::commit).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("40001"));
            reader.setAutoCommit(true);
            try (ResultSet rows = reader.createStatement().executeQuery("SELECT count(*) FROM t WHERE v = 'w'")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(3);
            }
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM t")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
