package io.basalt.server.network;

import io.basalt.server.Database;
import io.basalt.server.auth.AdminAccount;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/** A server on a free port over a fresh data directory, with user admin / secret (fast hashing for tests). */
final class NetworkTestServer implements AutoCloseable {

    static final String PASSWORD = "s3cret pass";

    final Database database;
    final NetworkServer server;

    NetworkTestServer(Path directory) throws IOException {
        this(directory, ServerConfiguration.defaults().withPort(0).withPasswordIterations(4096)
                .withShutdownGrace(Duration.ofSeconds(2)));
    }

    NetworkTestServer(Path directory, ServerConfiguration configuration) throws IOException {
        database = Database.open(directory);
        AdminAccount.ensure(database.security().users(), PASSWORD, 4096, new PrintStream(new ByteArrayOutputStream()));
        server = NetworkServer.start(database, configuration);
    }

    String url() {
        return "jdbc:basalt://127.0.0.1:" + server.port() + "/";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url() + "?user=admin&password=" + PASSWORD.replace(" ", "%20"));
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
