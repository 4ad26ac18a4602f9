package io.basalt.server.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users and privileges over the wire: a real server on loopback, clients logged in as different users. */
class NetworkPrivilegeTest {

    @TempDir
    Path directory;

    private NetworkTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new NetworkTestServer(directory);
        try (Connection admin = server.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER alice WITH PASSWORD 'alice pw'");
            statement.execute("CREATE TABLE t (a INT)");
            statement.execute("INSERT INTO t VALUES (1), (2), (3)");
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(server.url() + "?user=" + user + "&password=" + password.replace(" ", "%20"));
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getLong(1);
        }
    }

    private static void assertDenied(Connection connection, String sql, String message) {
        assertThatThrownBy(() -> execute(connection, sql)).as(sql).isInstanceOf(SQLException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }

    @Test
    void deniedStatementsFailWith42501AndGrantedOnesWork() throws Exception {
        try (Connection alice = connect("alice", "alice pw"); Connection admin = server.connect()) {
            assertDenied(alice, "SELECT count(*) FROM t", "permission denied for table t");
            assertDenied(alice, "INSERT INTO t VALUES (4)", "permission denied for table t");
            assertDenied(alice, "DROP TABLE t", "must be owner of table t");
            execute(admin, "GRANT SELECT, INSERT ON TABLE t TO alice");
            assertThat(count(alice, "SELECT count(*) FROM t")).isEqualTo(3);
            execute(alice, "INSERT INTO t VALUES (4)");
            assertDenied(alice, "DELETE FROM t", "permission denied for table t");
            assertThat(count(admin, "SELECT count(*) FROM t")).isEqualTo(4);
        }
    }

    @Test
    void getTablePrivilegesListsWhatTheUserMaySee() throws Exception {
        try (Connection alice = connect("alice", "alice pw"); Connection admin = server.connect()) {
            try (ResultSet none = alice.getMetaData().getTablePrivileges(null, "main", "t")) {
                assertThat(none.next()).isFalse();
            }
            execute(admin, "GRANT SELECT, UPDATE ON TABLE t TO alice");
            java.util.List<String> privileges = new java.util.ArrayList<>();
            try (ResultSet granted = alice.getMetaData().getTablePrivileges(null, null, "%")) {
                while (granted.next()) {
                    privileges.add(granted.getString("TABLE_SCHEM") + "." + granted.getString("TABLE_NAME") + " "
                            + granted.getString("GRANTOR") + " -> " + granted.getString("GRANTEE") + " "
                            + granted.getString("PRIVILEGE") + " " + granted.getString("IS_GRANTABLE"));
                }
            }
            assertThat(privileges).containsExactly("main.t admin -> alice SELECT NO", "main.t admin -> alice UPDATE NO");
            try (ResultSet ownerView = admin.getMetaData().getTablePrivileges(null, "main", "t")) {
                int rows = 0;
                while (ownerView.next()) {
                    rows++;
                }
                assertThat(rows).as("the owner sees its own privileges and what it granted").isGreaterThan(2);
            }
        }
    }

    @Test
    void aRevocationTakesEffectForTheNextStatement() throws Exception {
        try (Connection alice = connect("alice", "alice pw"); Connection admin = server.connect()) {
            execute(admin, "GRANT SELECT ON t TO alice");
            try (PreparedStatement prepared = alice.prepareStatement("SELECT count(*) FROM t WHERE a > ?")) {
                prepared.setInt(1, 1);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(2);
                }
                execute(admin, "REVOKE SELECT ON t FROM alice");
                assertThatThrownBy(prepared::executeQuery).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
            assertDenied(alice, "SELECT * FROM t", "permission denied for table t");
        }
    }

    @Test
    void grantsAndUsersSurviveARestart() throws Exception {
        try (Connection admin = server.connect()) {
            execute(admin, "CREATE ROLE readers");
            execute(admin, "GRANT SELECT ON t TO readers");
            execute(admin, "GRANT readers TO alice");
        }
        server.close();
        server = new NetworkTestServer(directory);
        try (Connection alice = connect("alice", "alice pw")) {
            assertThat(count(alice, "SELECT count(*) FROM t")).isEqualTo(3);
            assertDenied(alice, "INSERT INTO t VALUES (4)", "permission denied for table t");
        }
    }

    @Test
    void aUserChangesTheirOwnPasswordAndTheOldOneStopsWorking() throws Exception {
        try (Connection alice = connect("alice", "alice pw")) {
            execute(alice, "ALTER USER alice PASSWORD 'new pw'");
            assertDenied(alice, "ALTER USER admin PASSWORD 'mine'", "permission denied to alter role");
        }
        assertThatThrownBy(() -> connect("alice", "alice pw"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        try (Connection alice = connect("alice", "new pw")) {
            assertThat(alice.isValid(1)).isTrue();
        }
    }

    @Test
    void aDroppedUserCannotLogInAndTheFailureIsStillThrottled() throws Exception {
        try (Connection admin = server.connect()) {
            execute(admin, "DROP USER alice");
        }
        assertThatThrownBy(() -> connect("alice", "alice pw"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"))
                .hasMessageContaining("password authentication failed for user \"alice\"");
        // the failure was recorded against the name: the next one (from anywhere) waits twice the base delay
        assertThat(server.server.throttle().recordFailure("alice", "203.0.113.9")).isEqualTo(400);
    }

    @Test
    void aRoleWithoutLoginIsRefusedEvenWithTheRightPassword() throws Exception {
        try (Connection admin = server.connect()) {
            execute(admin, "ALTER USER alice NOLOGIN");
        }
        assertThatThrownBy(() -> connect("alice", "alice pw"))
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
                .hasMessageContaining("role \"alice\" is not permitted to log in");
    }
}
