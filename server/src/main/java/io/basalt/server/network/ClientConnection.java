package io.basalt.server.network;

import io.basalt.jdbc.protocol.ErrorCodec;
import io.basalt.jdbc.protocol.Frame;
import io.basalt.jdbc.protocol.FrameReader;
import io.basalt.jdbc.protocol.MessageReader;
import io.basalt.jdbc.protocol.MessageTypes;
import io.basalt.jdbc.protocol.MessageWriter;
import io.basalt.jdbc.protocol.ProtocolException;
import io.basalt.jdbc.spi.ExecutionOptions;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.jdbc.spi.ServerSession;
import io.basalt.server.embedded.LocalSessions;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.sql.SQLException;
import java.util.List;

/**
 * One client's connection. Its own thread reads frames (startup, then requests) and hands each request to the
 * connection's {@link SerialExecutor}, so it keeps reading while a statement runs: a closed socket is noticed at
 * once and cancels the running statement, and the cleanup that follows closes the session's cursors (their
 * snapshots and query memory) and prepared statements.
 */
final class ClientConnection implements Runnable {

    private static final int STARTUP_TIMEOUT_MILLIS = 30_000;

    private final NetworkServer server;
    private final Socket rawSocket;
    private final int processId;
    private final long secretKey;
    private final SerialExecutor serial;
    private volatile Socket socket;
    private volatile RequestHandler handler;
    private volatile boolean closed;
    private volatile boolean admitted;

    ClientConnection(NetworkServer server, Socket socket, int processId, long secretKey) {
        this.server = server;
        this.rawSocket = socket;
        this.socket = socket;
        this.processId = processId;
        this.secretKey = secretKey;
        this.serial = new SerialExecutor(server.statementPool());
    }

    void markAdmitted() {
        admitted = true;
    }

    boolean isAdmitted() {
        return admitted;
    }

    int processId() {
        return processId;
    }

    boolean hasSecret(long key) {
        return secretKey == key;
    }

    @Override
    public void run() {
        ResponseChannel out = null;
        boolean orderly = false;
        try {
            rawSocket.setTcpNoDelay(true);
            rawSocket.setSoTimeout(STARTUP_TIMEOUT_MILLIS);
            TransportSecurity.Streams streams = TransportSecurity.negotiate(rawSocket, server.configuration());
            socket = streams.socket();
            out = new ResponseChannel(new BufferedOutputStream(streams.output(), 1 << 16));
            if (streams.refusal() != null) {
                out.sendNow(ErrorCodec.error("28000", streams.refusal(), 0, 0));
                drainUntilClosed(streams.input());
                return;
            }
            FrameReader in = new FrameReader(new BufferedInputStream(streams.input(), 1 << 16), FrameReader.DEFAULT_MAX_PAYLOAD);
            orderly = serve(in, out);
        } catch (ProtocolException e) {
            sendQuietly(out, ErrorCodec.error("08P01", "protocol violation: " + e.getMessage(), 0, 0));
        } catch (StartupHandshake.Refused e) {
            orderly = true; // the client was told why
        } catch (IOException e) {
            // the client went away or the server is closing the socket: cleanup below
        } finally {
            finish(orderly);
        }
    }

    /**
     * Reads what the refused client already sent until it closes (at most a second): closing with unread input would
     * reset the connection, and the client might lose the ERROR that says why.
     */
    private void drainUntilClosed(java.io.InputStream input) {
        try {
            rawSocket.setSoTimeout(1000);
            byte[] buffer = new byte[4096];
            while (input.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // timed out or reset: the socket closes next either way
        }
    }

    /** Startup, then requests until TERMINATE (true) or the end of the stream (false). */
    private boolean serve(FrameReader in, ResponseChannel out) throws IOException, StartupHandshake.Refused {
        Frame first = in.read();
        if (first == null) {
            return true;
        }
        if (first.type() == MessageTypes.CANCEL_REQUEST) {
            MessageReader cancel = first.reader();
            if (cancel.getInt() != MessageTypes.MAGIC) {
                throw new ProtocolException("CANCEL_REQUEST without Basalt's magic number");
            }
            server.cancel(cancel.getInt(), cancel.getLong());
            return true;
        }
        if (first.type() == MessageTypes.PROGRESS_REQUEST) {
            MessageReader request = first.reader();
            if (request.getInt() != MessageTypes.MAGIC) {
                throw new ProtocolException("PROGRESS_REQUEST without Basalt's magic number");
            }
            ProgressReport progress = server.progress(request.getInt(), request.getLong());
            if (progress != null) {
                out.sendNow(new MessageWriter(MessageTypes.PROGRESS).putLong(progress.rowsScanned())
                        .putLong(progress.rowsTotal()).putLong(progress.bytesScanned())
                        .putInt(progress.pipelinesFinished()).putInt(progress.pipelinesTotal()));
            }
            return true;
        }
        if (first.type() != MessageTypes.STARTUP) {
            throw new ProtocolException("a connection must start with STARTUP, CANCEL_REQUEST or PROGRESS_REQUEST, not '"
                    + (char) first.type() + "'");
        }
        if (!server.admit(this)) {
            out.sendNow(ErrorCodec.error("53300", "too many connections (the server's limit is "
                    + server.configuration().maxConnections() + ")", 0, 0));
            return true;
        }
        StartupHandshake.Result login = new StartupHandshake(in, out, server.security(), server.throttle(), server.processSecret(),
                server.configuration().passwordIterations()).perform(first.reader(), rawSocket.getInetAddress().getHostAddress());
        ServerSession session = LocalSessions.open(server.database(), login.user());
        handler = new RequestHandler(session, out);
        if (!useSchema(session, login.database(), out)) {
            return true;
        }
        out.sendNow(new MessageWriter(MessageTypes.READY).putInt(processId).putLong(secretKey).putString(server.version()));
        socket.setSoTimeout(0);
        while (true) {
            Frame frame = in.read();
            if (frame == null) {
                return false;
            }
            if (frame.type() == MessageTypes.TERMINATE) {
                return true;
            }
            if (server.isStopping()) {
                out.sendNow(ErrorCodec.error("57P01", "the server is shutting down", 0, 0));
                return true;
            }
            serial.execute(() -> handle(frame, out));
        }
    }

    /** The URL's schema, if any, becomes the session's current schema (an unknown one fails the connection: 3F000). */
    private boolean useSchema(ServerSession session, String schema, ResponseChannel out) throws IOException {
        if (schema.isEmpty()) {
            return true;
        }
        try {
            session.execute("SET schema = '" + schema.replace("'", "''") + "'", List.of(), ExecutionOptions.DEFAULT);
            return true;
        } catch (SQLException e) {
            out.sendNow(ErrorCodec.error(e));
            return false;
        }
    }

    private void handle(Frame frame, ResponseChannel out) {
        if (closed) {
            return;
        }
        try {
            handler.handle(frame);
        } catch (ProtocolException e) {
            sendQuietly(out, ErrorCodec.error("08P01", "protocol violation: " + e.getMessage(), 0, 0));
            closeSocket();
        } catch (IOException e) {
            closeSocket();
        }
    }

    /** Cancels the running statement (a cancel request, or the server stopping). */
    void cancelRunning() {
        RequestHandler current = handler;
        if (current != null) {
            current.cancel();
        }
    }

    /** How far the connection's latest statement has got; null before it is authenticated. */
    ProgressReport progress() {
        RequestHandler current = handler;
        return current == null ? null : current.progress();
    }

    /** Closes the socket: the reader thread sees the end and cleans up; a running statement is cancelled. */
    void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /**
     * After the reader stops: a connection that did not say TERMINATE cancels what it runs; then, after any request
     * still queued, the session closes and the server forgets the connection.
     */
    private void finish(boolean orderly) {
        if (!orderly) {
            cancelRunning();
        }
        serial.execute(() -> {
            closed = true;
            RequestHandler current = handler;
            if (current != null) {
                current.close();
            }
            closeSocket();
            server.forget(this);
        });
    }

    private static void sendQuietly(ResponseChannel out, MessageWriter message) {
        if (out == null) {
            return;
        }
        try {
            out.sendNow(message);
        } catch (IOException ignored) {
            // the client is gone; nothing to tell it
        }
    }

}
