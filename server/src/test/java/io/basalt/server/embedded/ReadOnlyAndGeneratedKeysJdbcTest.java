package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection.setReadOnly enforced by the session, and generated-key requests on an embedded connection. */
public class ReadOnlyAndGeneratedKeysJdbcTest {

    /** Runs the read-only checks on {@code connection}; the network test runs them over a socket. */
    public static void readOnlyConnectionsRefuseWrites(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR)");
            statement.execute("INSERT INTO t VALUES (1, 'a')");
            PreparedStatement preparedBefore = connection.prepareStatement("INSERT INTO t VALUES (?, 'p')");
            connection.setReadOnly(true);
            assertThat(connection.isReadOnly()).isTrue();
            assertRefused(() -> statement.execute("INSERT INTO t VALUES (2, 'b')"), "INSERT");
            assertRefused(() -> statement.execute("UPDATE t SET name = 'c'"), "UPDATE");
            assertRefused(() -> statement.execute("DELETE FROM t"), "DELETE");
            assertRefused(() -> statement.execute("CREATE TABLE u (x INT)"), "CREATE TABLE");
            assertRefused(() -> statement.execute("DROP TABLE t"), "DROP TABLE");
            assertRefused(() -> statement.execute("TRUNCATE t"), "TRUNCATE");
            assertRefused(() -> statement.execute("CREATE TABLE u AS SELECT * FROM t"), "CREATE TABLE AS");
            // a statement prepared before the switch is refused too: the check is made when it runs
            preparedBefore.setInt(1, 4);
            assertRefused(preparedBefore::executeUpdate, "INSERT");
            // reading still works, and so do EXPLAIN, SHOW and SET
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            statement.execute("EXPLAIN SELECT * FROM t");
            statement.execute("SHOW TABLES");
            connection.setReadOnly(false);
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (6, 'f')")).isEqualTo(1);
            assertThat(preparedBefore.executeUpdate()).isEqualTo(1);
            preparedBefore.close();
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String command) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("25006");
            assertThat(e.getMessage()).isEqualTo("cannot execute " + command + " in a read-only transaction");
        });
    }

    @Test
    void aReadOnlyEmbeddedConnectionRefusesWrites() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            readOnlyConnectionsRefuseWrites(connection);
        }
    }

    @Test
    void theSettingIsAlsoPlainSql() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = true");
            assertThatThrownBy(() -> statement.execute("CREATE SCHEMA s")).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("25006"));
            statement.execute("SET default_transaction_read_only TO DEFAULT");
            statement.execute("CREATE SCHEMA s");
            assertThatThrownBy(() -> statement.execute("SET default_transaction_read_only = 'maybe'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
        }
    }

    /** Basalt has no identity columns yet: a request for generated keys is accepted and answers no rows. */
    @Test
    void generatedKeysAreAnEmptyResultWhenNoneAreGenerated() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            assertThat(statement.executeUpdate("INSERT INTO t VALUES (1)", Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
            try (ResultSet keys = statement.getGeneratedKeys()) {
                assertThat(keys.next()).isFalse();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)", new String[] {"id"})) {
                insert.setInt(1, 2);
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).isFalse();
                }
            }
            assertThat(connection.getMetaData().supportsGetGeneratedKeys()).isFalse();
        }
    }
}
