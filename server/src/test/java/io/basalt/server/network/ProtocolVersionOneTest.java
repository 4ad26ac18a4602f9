package io.basalt.server.network;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;
import io.basalt.server.embedded.ReadOnlyAndGeneratedKeysJdbcTest;
import io.basalt.server.embedded.ResultAndParameterMetaDataJdbcTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's driver against a server that negotiates protocol version 1 (a proxy takes version 2 out of the client's
 * STARTUP, as talking to an older server would): everything version 1 has works, and what version 2 added —
 * progress — reports that counts are unknown instead of failing.
 */
class ProtocolVersionOneTest {

    @TempDir
    Path directory;

    private NetworkTestServer server;
    private LoopbackProxy proxy;

    @BeforeEach
    void start() throws IOException {
        server = new NetworkTestServer(directory);
        proxy = LoopbackProxy.speakingVersionOne(server.server.port());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        server.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:basalt://127.0.0.1:" + proxy.port() + "/?user=admin&password="
                + NetworkTestServer.PASSWORD.replace(" ", "%20"));
    }

    @Test
    void queriesPreparedStatementsAndMetadataWorkOverVersionOne() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE v1 (id INT PRIMARY KEY, name TEXT)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO v1 VALUES (?, ?)")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "n" + i);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsExactly(1, 1, 1);
            }
            try (ResultSet rows = statement.executeQuery("SELECT sum(id), max(name) FROM v1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(6);
                assertThat(rows.getString(2)).isEqualTo("n3");
            }
            try (ResultSet tables = connection.getMetaData().getTables(null, "main", "v1", null)) {
                assertThat(tables.next()).isTrue();
            }
            ResultAndParameterMetaDataJdbcTest.assertEveryTypeDescribed(connection);
            ReadOnlyAndGeneratedKeysJdbcTest.generatedKeysComeBack(connection);
        }
    }

    @Test
    void progressSaysCountsAreUnknownOnVersionOne() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
            QueryProgress progress = statement.unwrap(BasaltStatement.class).progress();
            assertThat(progress.countsKnown()).isFalse();
        }
    }
}
