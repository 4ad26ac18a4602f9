package io.basalt.server.network;

import io.basalt.jdbc.protocol.MessageWriter;

import java.io.IOException;
import java.io.OutputStream;

/** A connection's outgoing frames; buffered, flushed once per answer, so a many-frame answer is few packets. */
final class ResponseChannel {

    private final OutputStream output;

    ResponseChannel(OutputStream output) {
        this.output = output;
    }

    synchronized void send(MessageWriter message) throws IOException {
        message.writeTo(output);
    }

    synchronized void flush() throws IOException {
        output.flush();
    }

    /** Sends and flushes. */
    synchronized void sendNow(MessageWriter message) throws IOException {
        message.writeTo(output);
        output.flush();
    }
}
