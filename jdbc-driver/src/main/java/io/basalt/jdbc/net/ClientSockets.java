package io.basalt.jdbc.net;

import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.sql.SQLException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** Opens the socket of a connection or a cancel request: TCP, then TLS with host name verification when asked. */
final class ClientSockets {

    private ClientSockets() {
    }

    static Socket open(ConnectionSettings settings) throws SQLException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(settings.host, settings.port), settings.connectTimeoutSeconds * 1000);
            if (!settings.ssl) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) factory(settings).createSocket(socket, settings.host, settings.port, true);
            SSLParameters parameters = tls.getSSLParameters();
            // the certificate must name the host we asked for; without this TLS would only encrypt, not authenticate
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setUseClientMode(true);
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT,
                    "could not connect to the Basalt server at " + settings + ": " + e.getMessage(), e);
        }
    }

    private static SSLSocketFactory factory(ConnectionSettings settings) throws SQLException {
        if (settings.sslRootCertificate == null) {
            return (SSLSocketFactory) SSLSocketFactory.getDefault();
        }
        try (InputStream input = Files.newInputStream(Paths.get(settings.sslRootCertificate))) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(input)) {
                trusted.setCertificateEntry("root-" + index++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw SqlExceptionFactory.create(SqlStates.UNABLE_TO_CONNECT,
                    "cannot read sslRootCert " + settings.sslRootCertificate + ": " + e.getMessage(), e);
        }
    }
}
