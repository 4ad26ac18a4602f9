package io.basalt.server.embedded;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void generatedKeysComeBackEmbedded() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:")) {
            generatedKeysComeBack(connection);
        }
    }

    /**
     * Generated keys are the rows of a RETURNING clause the driver adds to an INSERT: every column for
     * RETURN_GENERATED_KEYS, the named ones otherwise (as PostgreSQL's driver does). Also run over a socket.
     */
    public static void generatedKeysComeBack(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE keyed (id SERIAL PRIMARY KEY, name TEXT, created DATE DEFAULT DATE '2024-05-01')");
            assertThat(connection.getMetaData().supportsGetGeneratedKeys()).isTrue();

            assertThat(statement.executeUpdate("INSERT INTO keyed (name) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS))
                    .isEqualTo(2);
            assertThat(rows(statement.getGeneratedKeys())).containsExactly("1|a|2024-05-01", "2|b|2024-05-01");
            // read again: the same keys
            assertThat(rows(statement.getGeneratedKeys())).containsExactly("1|a|2024-05-01", "2|b|2024-05-01");

            // a trailing semicolon and comment do not get in the way
            assertThat(statement.execute("INSERT INTO keyed (name) VALUES ('c'); -- the third", new String[] {"id"})).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).containsExactly("3");
            assertThat(statement.executeUpdate("INSERT INTO keyed (name) VALUES ('d') -- no semicolon", new String[] {"ID", "name"}))
                    .isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).containsExactly("4|d");

            // an INSERT with its own RETURNING: its rows are the keys
            assertThat(statement.executeUpdate("INSERT INTO keyed (name) VALUES ('e') RETURNING id * 10",
                    Statement.RETURN_GENERATED_KEYS)).isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).containsExactly("50");

            // no request, or a statement that is not an INSERT: no keys
            assertThat(statement.executeUpdate("INSERT INTO keyed (name) VALUES ('f')", Statement.NO_GENERATED_KEYS)).isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).isEmpty();
            assertThat(statement.executeUpdate("UPDATE keyed SET name = 'g' WHERE id = 6", Statement.RETURN_GENERATED_KEYS))
                    .isEqualTo(1);
            assertThat(rows(statement.getGeneratedKeys())).isEmpty();

            // without a request, INSERT … RETURNING is a query
            try (ResultSet returned = statement.executeQuery("INSERT INTO keyed (name) VALUES ('h') RETURNING id, name")) {
                assertThat(rows(returned)).containsExactly("7|h");
            }

            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO keyed (name) VALUES ('x')", new int[] {1}))
                    .isInstanceOfSatisfying(SQLFeatureNotSupportedException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("0A000"));
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO keyed (name) VALUES ('x')", 7))
                    .isInstanceOf(SQLException.class);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO keyed (name) VALUES (?)", new String[] {"id"})) {
            insert.setString(1, "p");
            assertThat(insert.executeUpdate()).isEqualTo(1);
            assertThat(rows(insert.getGeneratedKeys())).containsExactly("8");
            // a batch: every entry's keys, in order
            insert.setString(1, "q");
            insert.addBatch();
            insert.setString(1, "r");
            insert.addBatch();
            assertThat(insert.executeBatch()).containsExactly(1, 1);
            assertThat(rows(insert.getGeneratedKeys())).containsExactly("9", "10");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO keyed (name) SELECT name FROM keyed WHERE id <= ?",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setInt(1, 2);
            assertThat(insert.executeUpdate()).isEqualTo(2);
            assertThat(rows(insert.getGeneratedKeys())).containsExactly("11|a|2024-05-01", "12|b|2024-05-01");
        }
        // nothing was left behind by the failed request
        try (Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM keyed WHERE name = 'x'")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getLong(1)).isZero();
        }
    }

    private static List<String> rows(ResultSet result) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (result) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
