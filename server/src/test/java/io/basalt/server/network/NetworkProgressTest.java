package io.basalt.server.network;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;
import io.basalt.server.embedded.StreamingProgressCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** BasaltStatement.progress() over the wire: PROGRESS_REQUEST on a second connection, answered with PROGRESS. */
class NetworkProgressTest {

    @TempDir
    java.nio.file.Path directory;

    private NetworkTestServer server;

    @BeforeEach
    void start() throws IOException {
        server = new NetworkTestServer(directory);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void progressGrowsWhileRowsStreamAndReachesAllRowsAtTheEnd() throws SQLException {
        try (Connection connection = server.connect()) {
            StreamingProgressCheck.progressGrowsWhileRowsStream(connection);
        }
    }

    @Test
    void aStatementThatScansNoTableIsDoneByItsPipelines() throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();

            QueryProgress progress = statement.unwrap(BasaltStatement.class).progress();

            assertThat(progress.countsKnown()).isTrue();
            assertThat(progress.rowsTotalEstimate()).isZero();
            assertThat(progress.pipelinesTotal()).isEqualTo(1);
        }
    }

    @Test
    void aProgressRequestWithAWrongKeyGetsNoAnswer() {
        assertThat(server.server.progress(Integer.MAX_VALUE, 42)).isNull();
    }
}
