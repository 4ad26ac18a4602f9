package io.basalt.server.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import javax.net.ssl.SSLSocket;

/**
 * Plain and TLS clients share one port: the first byte tells them apart (a TLS handshake record starts with 0x16;
 * no Basalt message type is 0x16). A TLS client gets the operator's certificate; a plain one is served, or refused
 * when TLS is required.
 */
final class TransportSecurity {

    private static final int TLS_HANDSHAKE_RECORD = 0x16;

    /** The connection's streams after negotiation, or a refusal to send in plain text. */
    record Streams(Socket socket, InputStream input, OutputStream output, String refusal) {
    }

    private TransportSecurity() {
    }

    static Streams negotiate(Socket socket, ServerConfiguration configuration) throws IOException {
        InputStream raw = socket.getInputStream();
        int first = raw.read();
        if (first < 0) {
            return new Streams(socket, InputStream.nullInputStream(), socket.getOutputStream(), null);
        }
        if (first == TLS_HANDSHAKE_RECORD && configuration.tls() != null) {
            SSLSocket tls = (SSLSocket) configuration.tls().getSocketFactory()
                    .createSocket(socket, new ByteArrayInputStream(new byte[] {(byte) first}), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            return new Streams(tls, tls.getInputStream(), tls.getOutputStream(), null);
        }
        InputStream replayed = new SequenceInputStream(new ByteArrayInputStream(new byte[] {(byte) first}), raw);
        if (first == TLS_HANDSHAKE_RECORD) {
            // a TLS client on a server without a certificate: it cannot read an ERROR frame, so just close
            socket.close();
            throw new IOException("TLS requested, but the server has no certificate");
        }
        String refusal = configuration.tlsRequired()
                ? "this server accepts TLS connections only; connect with ssl=true" : null;
        return new Streams(socket, replayed, socket.getOutputStream(), refusal);
    }
}
