package io.basalt.jdbc.net;

/** Where and how to reach a server; kept by a connection so that a cancel request goes the same way. */
final class ConnectionSettings {

    final String host;
    final int port;
    final boolean ssl;
    final String sslRootCertificate;
    final int connectTimeoutSeconds;

    ConnectionSettings(String host, int port, boolean ssl, String sslRootCertificate, int connectTimeoutSeconds) {
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.sslRootCertificate = sslRootCertificate;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    @Override
    public String toString() {
        return host + ":" + port + (ssl ? " (TLS)" : "");
    }
}
