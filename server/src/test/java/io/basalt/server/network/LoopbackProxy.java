package io.basalt.server.network;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback in front of a server that forwards bytes both ways. It can play two kinds of trouble: after
 * {@link #stall()} it keeps the connections open but passes nothing back to the client, as a network that stopped
 * answering would; and built {@link #speakingVersionOne}, it rewrites each client's STARTUP to offer protocol version 1
 * only, so that a current client meets a server that negotiates version 1, as an old server would.
 */
final class LoopbackProxy implements AutoCloseable {

    /** Frame header (type, length), magic, lowest version: the highest version's offset in a STARTUP frame. */
    private static final int HIGHEST_VERSION_OFFSET = 1 + 4 + 4 + 2;

    private final ServerSocket listener;
    private final int targetPort;
    private final boolean versionOne;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean stalled;

    LoopbackProxy(int targetPort) throws IOException {
        this(targetPort, false);
    }

    private LoopbackProxy(int targetPort, boolean versionOne) throws IOException {
        this.targetPort = targetPort;
        this.versionOne = versionOne;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy whose clients offer protocol version 1 only. */
    static LoopbackProxy speakingVersionOne(int targetPort) throws IOException {
        return new LoopbackProxy(targetPort, true);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on nothing reaches the client. */
    void stall() {
        stalled = true;
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                Thread connection = new Thread(() -> {
                    try {
                        if (versionOne) {
                            offerVersionOneOnly(client, server);
                        }
                        pump(client, server, false);
                        pump(server, client, true);
                    } catch (IOException gone) {
                        // the client went away before its first frame
                    }
                }, "loopback-proxy-connection");
                connection.setDaemon(true);
                connection.start();
            }
        } catch (IOException closed) {
            // the proxy was closed
        }
    }

    private static void offerVersionOneOnly(Socket client, Socket server) throws IOException {
        byte[] start = client.getInputStream().readNBytes(HIGHEST_VERSION_OFFSET + 2);
        if (start.length == HIGHEST_VERSION_OFFSET + 2 && start[0] == 'V') {
            start[HIGHEST_VERSION_OFFSET] = 0;
            start[HIGHEST_VERSION_OFFSET + 1] = 1;
        }
        server.getOutputStream().write(start);
    }

    private void pump(Socket from, Socket to, boolean towardsClient) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    if (!(towardsClient && stalled)) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException closed) {
                // one side went away
            }
        }, "loopback-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
