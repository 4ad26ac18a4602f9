package io.basalt.server.network;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TLS with the operator's PEM files; --tls-required refuses plain clients. */
class TlsTest {

    @TempDir
    Path directory;

    @Test
    void tlsClientsAreServedAndPlainOnesRefusedWhenTlsIsRequired() throws Exception {
        Path certificate = resource("tls/cert.pem");
        ServerConfiguration configuration = ServerConfiguration.defaults().withPort(0).withPasswordIterations(4096)
                .withShutdownGrace(Duration.ofSeconds(1))
                .withTls(TlsContexts.fromPem(certificate, resource("tls/key.pem")), true);
        try (NetworkTestServer server = new NetworkTestServer(directory, configuration)) {
            String credentials = "user=admin&password=" + NetworkTestServer.PASSWORD.replace(" ", "%20");
            try (Connection connection = DriverManager.getConnection(server.url() + "?" + credentials
                    + "&ssl=true&sslRootCert=" + certificate);
                 ResultSet rows = connection.createStatement().executeQuery("SELECT 7")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(server.url() + "?" + credentials))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"))
                    .hasMessageContaining("TLS");
        }
    }

    private static Path resource(String name) throws Exception {
        return Paths.get(TlsTest.class.getClassLoader().getResource(name).toURI());
    }
}
