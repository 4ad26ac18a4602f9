package io.basalt.jdbc.net;

import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.Frame;
import io.basalt.jdbc.protocol.FrameReader;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.protocol.ScramClient;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * One socket to a server: the startup handshake (version, SCRAM-SHA-256), then frames in and out. Any I/O failure
 * or protocol violation breaks the connection for good (08006 / 08P01): a stream out of step cannot be trusted.
 * Not thread-safe; {@link SocketServerSession} serialises its calls, and {@link #sendCancel()} uses a second socket.
 */
final class ProtocolConnection {

    private final ConnectionSettings settings;
    private final Socket socket;
    private final FrameReader input;
    private final OutputStream output;
    private volatile boolean broken;
    private volatile int networkTimeoutMillis;
    private int processId;
    private long secretKey;
    private volatile int version;
    private String serverVersion = "";

    private ProtocolConnection(ConnectionSettings settings, Socket socket) throws IOException {
        this.settings = settings;
        this.socket = socket;
        this.input = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16), FrameReader.DEFAULT_MAX_PAYLOAD);
        this.output = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    static ProtocolConnection open(ConnectionSettings settings) throws SQLException {
        Socket socket = ClientSockets.open(settings);
        try {
            return new ProtocolConnection(settings, socket);
        } catch (IOException e) {
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT, "could not connect to " + settings + ": " + e, e);
        }
    }

    /** Negotiates the version and authenticates; on success the server has sent READY with the cancel key. */
    void startup(String user, String password, String database) throws SQLException {
        send(new MessageWriter(MessageTypes.STARTUP).putInt(MessageTypes.MAGIC).putShort(MessageTypes.MIN_VERSION)
                .putShort(MessageTypes.MAX_VERSION).putString(user).putString(database == null ? "" : database)
                .putShort(0));
        MessageReader sasl = expect(MessageTypes.AUTHENTICATION_SASL);
        int version = readSaslOffer(sasl);
        if (version < MessageTypes.MIN_VERSION || version > MessageTypes.MAX_VERSION) {
            throw failure(new ProtocolException("the server chose protocol version " + version + ", which this driver does not speak"));
        }
        this.version = version;
        ScramClient scram = new ScramClient(user, password);
        send(new MessageWriter(MessageTypes.SASL_INITIAL_RESPONSE).putString(MessageTypes.SCRAM_SHA_256)
                .putBytes(utf8(scram.clientFirst())));
        String serverFirst = text(expect(MessageTypes.SASL_CONTINUE));
        String clientFinal;
        try {
            clientFinal = scram.clientFinal(serverFirst);
        } catch (ProtocolException e) {
            throw failure(e);
        }
        send(new MessageWriter(MessageTypes.SASL_RESPONSE).putBytes(utf8(clientFinal)));
        String serverFinal = text(expect(MessageTypes.SASL_FINAL));
        try {
            scram.verifyServerFinal(serverFinal);
        } catch (ProtocolException e) {
            throw failure(e);
        }
        MessageReader ready = expect(MessageTypes.READY);
        try {
            processId = ready.getInt();
            secretKey = ready.getLong();
            serverVersion = ready.getRequiredString("the server version");
            ready.expectEnd();
        } catch (ProtocolException e) {
            throw failure(e);
        }
    }

    private int readSaslOffer(MessageReader sasl) throws SQLException {
        try {
            int version = sasl.getShort();
            int mechanisms = sasl.getCount(4);
            boolean scram = false;
            for (int i = 0; i < mechanisms; i++) {
                scram |= MessageTypes.SCRAM_SHA_256.equals(sasl.getString());
            }
            sasl.expectEnd();
            if (!scram) {
                throw SqlExceptionFactory.create("28000", "the server offers no authentication method this driver knows");
            }
            return version;
        } catch (ProtocolException e) {
            throw failure(e);
        }
    }

    private String text(MessageReader reader) throws SQLException {
        try {
            String value = new String(reader.getBytes(), StandardCharsets.UTF_8);
            reader.expectEnd();
            return value;
        } catch (ProtocolException e) {
            throw failure(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    String serverVersion() {
        return serverVersion;
    }

    /** Writes one message and flushes: every request is one frame, answered before the next is sent. */
    void send(MessageWriter message) throws SQLException {
        checkOpen();
        try {
            message.writeTo(output);
            output.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The next frame; an ERROR frame is thrown as the SQLException it carries (the connection stays usable). */
    MessageReader receive() throws SQLException {
        checkOpen();
        Frame frame;
        try {
            frame = input.read();
        } catch (IOException e) {
            throw failure(e);
        }
        if (frame == null) {
            throw failure(new IOException("the server closed the connection"));
        }
        MessageReader reader = frame.reader();
        if (frame.type() == MessageTypes.ERROR) {
            SQLException error;
            try {
                error = ErrorCodec.readError(reader);
            } catch (ProtocolException e) {
                throw failure(e);
            }
            if (closesConnection(error.getSQLState())) {
                // the server closes the connection after these; so do we
                markBroken();
            }
            throw error;
        }
        return reader;
    }

    /** Errors after which the server closes the connection: connection, authorization, shutdown. */
    private static boolean closesConnection(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("28") || sqlState.equals("57P01");
    }

    /** The next frame, which must be of type {@code type}. */
    MessageReader expect(byte type) throws SQLException {
        MessageReader reader = receive();
        if (reader.type() != type) {
            throw unexpected(reader);
        }
        return reader;
    }

    SQLException unexpected(MessageReader reader) {
        return failure(new ProtocolException("unexpected message '" + (char) reader.type() + "' from the server"));
    }

    /** Marks the connection broken and turns {@code cause} into the SQLException the caller throws. */
    SQLException failure(IOException cause) {
        markBroken();
        if (cause instanceof ProtocolException) {
            return SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "protocol violation: " + cause.getMessage(), cause);
        }
        String message = cause instanceof SocketTimeoutException ? "timed out" : String.valueOf(cause.getMessage());
        return SqlExceptionFactory.create(SqlStates.CONNECTION_FAILURE,
                "connection to the Basalt server at " + settings + " lost: " + message, cause);
    }

    private void checkOpen() throws SQLException {
        if (broken) {
            throw SqlExceptionFactory.create(SqlStates.CONNECTION_FAILURE,
                    "the connection to the Basalt server at " + settings + " is broken");
        }
    }

    boolean isBroken() {
        return broken;
    }

    private void markBroken() {
        broken = true;
        closeQuietly();
    }

    /**
     * JDBC's network timeout (0 = none): the socket's read timeout from now on, so a call whose answer takes longer
     * fails with 08006 and breaks the connection.
     */
    void networkTimeout(int milliseconds) {
        networkTimeoutMillis = milliseconds;
        readTimeout(milliseconds);
    }

    /** Sets the socket's read timeout for one exchange ({@code isValid(timeout)}; 0 = none). */
    void readTimeout(int milliseconds) {
        try {
            socket.setSoTimeout(milliseconds);
        } catch (IOException ignored) {
            // a socket that cannot take a timeout will fail the next read, which reports it
        }
    }

    /** Back to the network timeout after {@link #readTimeout(int)}. */
    void restoreReadTimeout() {
        readTimeout(networkTimeoutMillis);
    }

    /**
     * Asks the server, over a second connection, to cancel what this one runs: the only message that may come from
     * another thread while a call is in progress. The server sends nothing back; the cancelled call fails with 57014.
     */
    void sendCancel() throws SQLException {
        try (Socket cancel = ClientSockets.open(settings)) {
            OutputStream out = cancel.getOutputStream();
            new MessageWriter(MessageTypes.CANCEL_REQUEST).putInt(MessageTypes.MAGIC).putInt(processId).putLong(secretKey)
                    .writeTo(out);
            out.flush();
            // wait for the server to close, so the cancel has been delivered when this returns
            cancel.setSoTimeout(settings.connectTimeoutSeconds * 1000);
            cancel.getInputStream().read();
        } catch (IOException e) {
            throw SqlExceptionFactory.create(SqlStates.CONNECTION_FAILURE, "could not send a cancel request to " + settings
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Asks the server, over a second connection like {@link #sendCancel()}, how far this connection's latest
     * statement has got. Null when the server's protocol version predates progress reports or it did not answer
     * (the connection it knew is gone).
     */
    ProgressReport requestProgress() throws SQLException {
        if (version < MessageTypes.PROGRESS_VERSION) {
            return null;
        }
        try (Socket request = ClientSockets.open(settings)) {
            OutputStream out = request.getOutputStream();
            new MessageWriter(MessageTypes.PROGRESS_REQUEST).putInt(MessageTypes.MAGIC).putInt(processId).putLong(secretKey)
                    .writeTo(out);
            out.flush();
            request.setSoTimeout(settings.connectTimeoutSeconds * 1000);
            Frame answer = new FrameReader(request.getInputStream(), FrameReader.DEFAULT_MAX_PAYLOAD).read();
            if (answer == null) {
                return null;
            }
            if (answer.type() != MessageTypes.PROGRESS) {
                throw new ProtocolException("expected PROGRESS, got '" + (char) answer.type() + "'");
            }
            MessageReader progress = answer.reader();
            ProgressReport report = new ProgressReport(progress.getLong(), progress.getLong(), progress.getLong(),
                    progress.getInt(), progress.getInt());
            progress.expectEnd();
            return report;
        } catch (ProtocolException | IllegalArgumentException e) {
            throw SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "bad progress answer from " + settings + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw SqlExceptionFactory.create(SqlStates.CONNECTION_FAILURE, "could not ask " + settings
                    + " for progress: " + e.getMessage(), e);
        }
    }

    void closeQuietly() {
        broken = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that failed already
        }
    }
}
