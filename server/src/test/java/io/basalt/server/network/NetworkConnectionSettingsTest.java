package io.basalt.server.network;

import io.basalt.server.embedded.ReadOnlyAndGeneratedKeysJdbcTest;
import io.basalt.server.embedded.ResultAndParameterMetaDataJdbcTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What must hold over a socket as embedded: read-only sessions, result and parameter metadata; the network timeout. */
class NetworkConnectionSettingsTest {

    @TempDir
    Path directory;

    private NetworkTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new NetworkTestServer(directory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aReadOnlyNetworkConnectionRefusesWrites() throws SQLException {
        try (Connection connection = server.connect()) {
            ReadOnlyAndGeneratedKeysJdbcTest.readOnlyConnectionsRefuseWrites(connection);
        }
    }

    @Test
    void resultAndParameterMetaDataDescribeEveryTypeOverTheNetwork() throws SQLException {
        try (Connection connection = server.connect()) {
            ResultAndParameterMetaDataJdbcTest.assertEveryTypeDescribed(connection);
        }
    }

    @Test
    void aServerThatStopsAnsweringFailsTheCallWith08006AndClosesTheConnection() throws Exception {
        try (StallingProxy proxy = new StallingProxy(server.server.port());
             Connection connection = DriverManager.getConnection("jdbc:basalt://127.0.0.1:" + proxy.port()
                     + "/?user=admin&password=" + NetworkTestServer.PASSWORD.replace(" ", "%20"))) {
            Statement statement = connection.createStatement();
            try (ResultSet rows = statement.executeQuery("SELECT 1")) {
                assertThat(rows.next()).isTrue();
            }
            // set only once nothing can answer, so a slow machine cannot make an answered call time out
            proxy.stall();
            connection.setNetworkTimeout(Runnable::run, 200);
            assertThat(connection.getNetworkTimeout()).isEqualTo(200);
            assertThatThrownBy(() -> statement.executeQuery("SELECT 2")).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(e.getSQLState()).isEqualTo("08006");
                assertThat(e.getMessage()).contains("timed out");
            });
            assertThat(connection.isClosed()).isTrue();
            assertThat(statement.isClosed()).isTrue();
            assertThatThrownBy(connection::createStatement).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("08003"));
        }
    }
}
