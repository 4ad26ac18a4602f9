package io.basalt.jdbc.protocol;

import io.basalt.jdbc.spi.SqlStates;

import java.io.IOException;

/**
 * The peer broke the wire protocol: a frame too long or negative, a truncated frame, an unknown message type, a
 * field that does not fit its message. Both sides answer it the same way: SQLSTATE 08P01 and the connection closes
 * (a stream out of step cannot be resynchronised).
 */
public final class ProtocolException extends IOException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public String sqlState() {
        return SqlStates.PROTOCOL_VIOLATION;
    }
}
