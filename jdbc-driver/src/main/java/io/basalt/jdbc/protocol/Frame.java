package io.basalt.jdbc.protocol;

/** One message on the wire: its type byte and its payload (the bytes after the length). */
public final class Frame {

    private final byte type;
    private final byte[] payload;

    public Frame(byte type, byte[] payload) {
        this.type = type;
        this.payload = payload;
    }

    public byte type() {
        return type;
    }

    public byte[] payload() {
        return payload;
    }

    /** A reader over the payload. */
    public MessageReader reader() {
        return new MessageReader(type, payload);
    }

    @Override
    public String toString() {
        return "frame '" + (char) type + "' (" + payload.length + " bytes)";
    }
}
