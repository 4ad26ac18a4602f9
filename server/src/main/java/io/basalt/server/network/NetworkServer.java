package io.basalt.server.network;

import io.basalt.jdbc.protocol.ScramSha256;
import io.basalt.jdbc.spi.ProgressReport;
import io.basalt.server.Database;
import io.basalt.server.auth.LoginThrottle;
import io.basalt.server.security.Security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Basalt's network server: an acceptor thread, a reader thread per connection, and one bounded pool on which every
 * connection's requests run (so N clients share the cores instead of N×cores threads competing). {@link #close()}
 * is the clean shutdown: stop accepting, let running requests finish for the grace period, cancel the rest, close
 * every session (cursors, snapshots). The caller then closes the {@link Database}; committed data is already durable.
 */
public final class NetworkServer implements AutoCloseable {

    private final Database database;
    private final ServerConfiguration configuration;
    private final ServerSocket listener;
    private final ThreadPoolExecutor statementPool;
    private final LoginThrottle throttle = LoginThrottle.standard();
    private final byte[] processSecret = ScramSha256.randomBytes(32);
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger nextProcessId = new AtomicInteger(1);
    private final Map<Integer, ClientConnection> connections = new ConcurrentHashMap<>();
    private final AtomicInteger admitted = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean stopping;

    private NetworkServer(Database database, ServerConfiguration configuration) throws IOException {
        this.database = database;
        this.configuration = configuration;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(configuration.bindAddress()), configuration.port()), 128);
        AtomicInteger threadNumber = new AtomicInteger();
        this.statementPool = new ThreadPoolExecutor(configuration.statementThreads(), configuration.statementThreads(),
                60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "basalt-statement-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.acceptor = new Thread(this::acceptLoop, "basalt-acceptor");
        acceptor.setDaemon(true);
    }

    /**
     * Binds and starts accepting connections. Clients log in as the users of the database's {@code DIR/security/}
     * ({@link Database#security()}); passwords set from now on use the configuration's iterations.
     */
    public static NetworkServer start(Database database, ServerConfiguration configuration) throws IOException {
        database.security().setPasswordIterations(configuration.passwordIterations());
        NetworkServer server = new NetworkServer(database, configuration);
        server.acceptor.start();
        return server;
    }

    /** The port it listens on (the chosen one when configured with 0). */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!stopping) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (stopping) {
                    return;
                }
                continue;
            }
            int processId = nextProcessId.getAndIncrement();
            ClientConnection connection = new ClientConnection(this, socket, processId, random.nextLong());
            connections.put(processId, connection);
            Thread reader = new Thread(connection, "basalt-connection-" + processId);
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Counts a connection that is about to log in; false when the server is full. */
    boolean admit(ClientConnection connection) {
        if (admitted.incrementAndGet() > configuration.maxConnections()) {
            admitted.decrementAndGet();
            return false;
        }
        connection.markAdmitted();
        return true;
    }

    void forget(ClientConnection connection) {
        if (connections.remove(connection.processId()) != null && connection.isAdmitted()) {
            admitted.decrementAndGet();
        }
    }

    /** A cancel request: cancels what connection {@code processId} runs if the key matches; silent otherwise. */
    void cancel(int processId, long key) {
        ClientConnection target = connections.get(processId);
        if (target != null && target.hasSecret(key)) {
            target.cancelRunning();
        }
    }

    /** A progress request: how far connection {@code processId}'s statement has got if the key matches; else null. */
    ProgressReport progress(int processId, long key) {
        ClientConnection target = connections.get(processId);
        return target != null && target.hasSecret(key) ? target.progress() : null;
    }

    /** Connections open now (tests, monitoring). */
    public int connectionCount() {
        return connections.size();
    }

    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        statementPool.shutdown();
        try {
            if (!statementPool.awaitTermination(configuration.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                connections.values().forEach(ClientConnection::cancelRunning);
                statementPool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ClientConnection> open = new ArrayList<>(connections.values());
        open.forEach(ClientConnection::closeSocket);
        long deadline = System.currentTimeMillis() + 5_000;
        while (!connections.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    boolean isStopping() {
        return stopping;
    }

    ExecutorService statementPool() {
        return statementPool;
    }

    ServerConfiguration configuration() {
        return configuration;
    }

    Database database() {
        return database;
    }

    Security security() {
        return database.security();
    }

    LoginThrottle throttle() {
        return throttle;
    }

    byte[] processSecret() {
        return processSecret;
    }

    String version() {
        Package own = NetworkServer.class.getPackage();
        String version = own == null ? null : own.getImplementationVersion();
        return "Basalt " + (version == null ? "development" : version);
    }
}
