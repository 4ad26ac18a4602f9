package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded connection property memory_limit: the session's memory limit and its SET ... TO DEFAULT value. */
class MemoryLimitPropertyJdbcTest {

    @Test
    void theUrlPropertySetsTheSessionLimitAndItsDefault() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:?memory_limit=3MB");
             Statement statement = connection.createStatement()) {
            assertThat(memoryLimit(statement)).isEqualTo("3MB");
            statement.execute("SET memory_limit = '1GB'");
            assertThat(memoryLimit(statement)).isEqualTo("1GB");
            statement.execute("SET memory_limit TO DEFAULT");
            assertThat(memoryLimit(statement)).isEqualTo("3MB");
        }
    }

    @Test
    void aConnectionPropertyWorksToo() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("memory_limit", "512 MB");
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:", properties);
             Statement statement = connection.createStatement()) {
            assertThat(memoryLimit(statement)).isEqualTo("512MB");
        }
    }

    @Test
    void withoutThePropertyTheLimitIsHalfTheHeap() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM information_schema.basalt_settings WHERE name = 'memory_limit'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isNotEqualTo("3MB");
        }
    }

    @Test
    void anInvalidSizeRefusesTheConnection() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:basalt:mem:?memory_limit=lots"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"))
                .hasMessageContaining("memory_limit");
    }

    private static String memoryLimit(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW memory_limit")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
