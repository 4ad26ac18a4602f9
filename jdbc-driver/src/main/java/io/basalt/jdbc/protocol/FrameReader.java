package io.basalt.jdbc.protocol;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads frames from a stream: a type byte, a big-endian int32 payload length, the payload. The length is checked
 * before anything is allocated, so a corrupt or hostile length costs nothing but the connection.
 */
public final class FrameReader {

    /** The default largest payload accepted (64 MiB): far above any batch Basalt sends, well below the heap. */
    public static final int DEFAULT_MAX_PAYLOAD = 64 << 20;

    private final InputStream input;
    private final int maxPayload;

    public FrameReader(InputStream input, int maxPayload) {
        this.input = input;
        this.maxPayload = maxPayload;
    }

    /**
     * The next frame, or {@code null} when the stream ends cleanly between frames.
     *
     * @throws ProtocolException when the length is out of range or the stream ends inside a frame
     */
    public Frame read() throws IOException {
        int type = input.read();
        if (type < 0) {
            return null;
        }
        int length = readInt();
        if (length < 0 || length > maxPayload) {
            throw new ProtocolException("frame '" + printable(type) + "' declares a payload of " + length
                    + " bytes; the limit is " + maxPayload);
        }
        byte[] payload = new byte[length];
        int read = 0;
        while (read < length) {
            int n = input.read(payload, read, length - read);
            if (n < 0) {
                throw new ProtocolException("truncated frame '" + printable(type) + "': " + read + " of " + length
                        + " payload bytes before the end of the stream");
            }
            read += n;
        }
        return new Frame((byte) type, payload);
    }

    private int readInt() throws IOException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int b = input.read();
            if (b < 0) {
                throw new ProtocolException("truncated frame header: the stream ended inside a frame length");
            }
            value = (value << 8) | b;
        }
        return value;
    }

    static String printable(int type) {
        return type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : String.format("0x%02x", type);
    }

}
