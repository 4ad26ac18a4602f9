package io.basalt.server.network;

import io.basalt.server.security.Security;

import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * How a {@link NetworkServer} runs.
 *
 * @param bindAddress the address to listen on ({@code 127.0.0.1} by default: reachable from this machine only)
 * @param port the TCP port; 0 picks a free one (tests)
 * @param maxConnections connections served at once; more are refused with 53300
 * @param statementThreads requests running at once (the bounded pool every connection shares); others queue in order
 * @param shutdownGrace how long running requests may take to finish at shutdown before they are cancelled
 * @param passwordIterations PBKDF2 iterations for new passwords (SCRAM-SHA-256; at least 4096)
 * @param tls the TLS context, or {@code null} for plain connections only
 * @param tlsRequired refuse plain connections (needs {@code tls})
 */
public record ServerConfiguration(String bindAddress, int port, int maxConnections, int statementThreads,
                                  Duration shutdownGrace, int passwordIterations, SSLContext tls, boolean tlsRequired) {

    public static final int DEFAULT_PORT = 7433;

    public static ServerConfiguration defaults() {
        return new ServerConfiguration("127.0.0.1", DEFAULT_PORT, 256, Math.max(2, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(10), Security.DEFAULT_PASSWORD_ITERATIONS, null, false);
    }

    public ServerConfiguration withPort(int newPort) {
        return new ServerConfiguration(bindAddress, newPort, maxConnections, statementThreads, shutdownGrace,
                passwordIterations, tls, tlsRequired);
    }

    public ServerConfiguration withBindAddress(String address) {
        return new ServerConfiguration(address, port, maxConnections, statementThreads, shutdownGrace,
                passwordIterations, tls, tlsRequired);
    }

    public ServerConfiguration withTls(SSLContext context, boolean required) {
        return new ServerConfiguration(bindAddress, port, maxConnections, statementThreads, shutdownGrace,
                passwordIterations, context, required);
    }

    public ServerConfiguration withShutdownGrace(Duration grace) {
        return new ServerConfiguration(bindAddress, port, maxConnections, statementThreads, grace,
                passwordIterations, tls, tlsRequired);
    }

    public ServerConfiguration withPasswordIterations(int iterations) {
        return new ServerConfiguration(bindAddress, port, maxConnections, statementThreads, shutdownGrace,
                iterations, tls, tlsRequired);
    }
}
