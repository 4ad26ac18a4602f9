package io.basalt.server.network;

import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.Frame;
import io.basalt.jdbc.protocol.FrameReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ScramClient;
import io.basalt.server.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Broken clients and shutdown: the server answers protocol violations with 08P01, frees dropped connections, stops cleanly. */
class ServerRobustnessTest {

    @TempDir
    Path directory;

    @Test
    void malformedFramesGet08P01AndOnlyThatConnectionCloses() throws Exception {
        try (NetworkTestServer server = new NetworkTestServer(directory)) {
            assertThat(errorStateAfterSending(server, out -> {
                out.write('V');
                out.writeInt(-5);
            })).isEqualTo("08P01");
            assertThat(errorStateAfterSending(server, out -> {
                out.write('V');
                out.writeInt(1 << 30);
            })).isEqualTo("08P01");
            assertThat(errorStateAfterSending(server, out -> {
                out.write('?');
                out.writeInt(0);
            })).isEqualTo("08P01");
            assertThat(errorStateAfterSending(server, out -> {
                out.write('V');
                out.writeInt(2);
                out.writeShort(1); // two bytes of a STARTUP that needs many more
            })).isEqualTo("08P01");
            try (Socket socket = login(server)) {
                new MessageWriter((byte) '!').writeTo(socket.getOutputStream());
                assertThat(readError(socket)).isEqualTo("08P01");
            }
            assertThat(queryWorks(server)).isTrue();
        }
    }

    @Test
    void aClientKilledMidResultLeavesTheServerHealthy() throws Exception {
        try (NetworkTestServer server = new NetworkTestServer(directory)) {
            try (Connection connection = server.connect()) {
                NetworkJdbcTest.fill(connection, 20_000);
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                Socket socket = login(server);
                MessageWriter query = new MessageWriter(MessageTypes.QUERY).putString("SELECT * FROM big").putInt(10).putLong(0);
                query.putShort(0);
                query.writeTo(socket.getOutputStream());
                FrameReader in = new FrameReader(socket.getInputStream(), FrameReader.DEFAULT_MAX_PAYLOAD);
                assertThat(in.read().type()).isEqualTo(MessageTypes.ROW_DESCRIPTION);
                assertThat(in.read().type()).isEqualTo(MessageTypes.DATA_BATCH);
                socket.close(); // with a cursor open and rows left
            }
            long deadline = System.currentTimeMillis() + 5_000;
            while (server.server.connectionCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.server.connectionCount()).isZero();
            assertThat(queryWorks(server)).isTrue();
        }
    }

    @Test
    void shutdownWithConnectedClientsKeepsWhatWasCommitted() throws Exception {
        NetworkTestServer server = new NetworkTestServer(directory);
        Connection idle = server.connect();
        try (Connection writer = server.connect(); Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE kept (id INTEGER)");
            statement.executeUpdate("INSERT INTO kept VALUES (1), (2), (3)");
        }
        server.close();
        assertThatThrownBy(() -> idle.createStatement().executeQuery("SELECT 1"))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).startsWith("08"));
        idle.close();
        try (Database reopened = Database.open(directory)) {
            var rows = reopened.newSession().execute("SELECT count(*) FROM kept");
            var stream = ((io.basalt.server.result.StatementResult.Rows) rows).rows();
            var batch = stream.next();
            assertThat(((io.basalt.storage.vector.LongVector) batch.column(0)).values()[0]).isEqualTo(3);
            stream.close();
        }
    }

    interface FrameBytes {
        void write(DataOutputStream out) throws IOException;
    }

    private static String errorStateAfterSending(NetworkTestServer server, FrameBytes bytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.server.port())) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            bytes.write(out);
            out.flush();
            socket.shutdownOutput();
            return readError(socket);
        }
    }

    private static String readError(Socket socket) throws IOException {
        FrameReader in = new FrameReader(socket.getInputStream(), FrameReader.DEFAULT_MAX_PAYLOAD);
        Frame frame = in.read();
        assertThat(frame).isNotNull();
        assertThat(frame.type()).isEqualTo(MessageTypes.ERROR);
        String state = ErrorCodec.readError(frame.reader()).getSQLState();
        assertThat(in.read()).as("the server closes the connection after a protocol error").isNull();
        return state;
    }

    /** A client written against docs/protocol.md with the codec alone: startup and SCRAM by hand. */
    static Socket login(NetworkTestServer server) throws Exception {
        Socket socket = new Socket("127.0.0.1", server.server.port());
        OutputStream out = socket.getOutputStream();
        FrameReader in = new FrameReader(socket.getInputStream(), FrameReader.DEFAULT_MAX_PAYLOAD);
        new MessageWriter(MessageTypes.STARTUP).putInt(MessageTypes.MAGIC).putShort(1).putShort(1).putString("admin")
                .putString("").putShort(0).writeTo(out);
        assertThat(in.read().type()).isEqualTo(MessageTypes.AUTHENTICATION_SASL);
        ScramClient scram = new ScramClient("admin", NetworkTestServer.PASSWORD);
        new MessageWriter(MessageTypes.SASL_INITIAL_RESPONSE).putString(MessageTypes.SCRAM_SHA_256)
                .putBytes(scram.clientFirst().getBytes(StandardCharsets.UTF_8)).writeTo(out);
        String serverFirst = new String(in.read().reader().getBytes(), StandardCharsets.UTF_8);
        new MessageWriter(MessageTypes.SASL_RESPONSE).putBytes(scram.clientFinal(serverFirst).getBytes(StandardCharsets.UTF_8))
                .writeTo(out);
        scram.verifyServerFinal(new String(in.read().reader().getBytes(), StandardCharsets.UTF_8));
        assertThat(in.read().type()).isEqualTo(MessageTypes.READY);
        return socket;
    }

    private static boolean queryWorks(NetworkTestServer server) throws SQLException {
        try (Connection connection = server.connect(); ResultSet rows = connection.createStatement().executeQuery("SELECT 42")) {
            return rows.next() && rows.getInt(1) == 42;
        }
    }
}
