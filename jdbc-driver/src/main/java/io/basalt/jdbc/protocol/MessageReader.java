package io.basalt.jdbc.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one frame's payload. Every read is bounds-checked: a field that runs past the payload, a
 * negative length or bytes left over are {@link ProtocolException}s, never an index error or a huge allocation.
 */
public final class MessageReader {

    private final byte type;
    private final byte[] payload;
    private int position;

    public MessageReader(byte type, byte[] payload) {
        this.type = type;
        this.payload = payload;
    }

    public byte type() {
        return type;
    }

    private void need(int bytes, String what) throws ProtocolException {
        if (bytes < 0 || bytes > payload.length - position) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "' is truncated: " + what + " needs "
                    + bytes + " bytes at offset " + position + " of " + payload.length);
        }
    }

    /** Fails unless at least {@code bytes} remain, before a caller allocates for them. */
    public void checkRemaining(long bytes, String what) throws ProtocolException {
        if (bytes < 0 || bytes > payload.length - position) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "' is truncated: " + what + " needs "
                    + bytes + " bytes, " + (payload.length - position) + " are left");
        }
    }

    public int getByte() throws ProtocolException {
        need(1, "a byte");
        return payload[position++];
    }

    public boolean getBoolean() throws ProtocolException {
        int value = getByte();
        if (value != 0 && value != 1) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "': a boolean must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    public int getShort() throws ProtocolException {
        need(2, "an int16");
        int value = (short) (((payload[position] & 0xff) << 8) | (payload[position + 1] & 0xff));
        position += 2;
        return value;
    }

    public int getInt() throws ProtocolException {
        need(4, "an int32");
        int value = ((payload[position] & 0xff) << 24) | ((payload[position + 1] & 0xff) << 16)
                | ((payload[position + 2] & 0xff) << 8) | (payload[position + 3] & 0xff);
        position += 4;
        return value;
    }

    public long getLong() throws ProtocolException {
        long high = getInt();
        return (high << 32) | (getInt() & 0xffffffffL);
    }

    /** {@code count} int64s (as {@link #getLong} reads each) with one bounds check: a batch's column. */
    public long[] getLongs(int count) throws ProtocolException {
        checkRemaining(8L * count, count + " int64s");
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = (long) MessageWriter.LONGS.get(payload, position);
            position += 8;
        }
        return values;
    }

    /** {@code count} IEEE doubles (as {@link #getDouble} reads each) with one bounds check. */
    public double[] getDoubles(int count) throws ProtocolException {
        checkRemaining(8L * count, count + " doubles");
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = Double.longBitsToDouble((long) MessageWriter.LONGS.get(payload, position));
            position += 8;
        }
        return values;
    }

    public double getDouble() throws ProtocolException {
        return Double.longBitsToDouble(getLong());
    }

    /** A count of elements that each take at least {@code minimumBytes}: refused when the payload cannot hold them. */
    public int getCount(int minimumBytes) throws ProtocolException {
        int count = getInt();
        if (count < 0 || (long) count * minimumBytes > payload.length - position) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "': a count of " + count
                    + " does not fit the " + (payload.length - position) + " bytes left");
        }
        return count;
    }

    public String getString() throws ProtocolException {
        int length = getInt();
        if (length == -1) {
            return null;
        }
        need(length, "a string");
        String value = new String(payload, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    /** A string that must be present. */
    public String getRequiredString(String what) throws ProtocolException {
        String value = getString();
        if (value == null) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "': " + what + " is missing");
        }
        return value;
    }

    public byte[] getBytes() throws ProtocolException {
        int length = getInt();
        return getRaw(length);
    }

    public byte[] getRaw(int length) throws ProtocolException {
        need(length, "a byte string");
        byte[] value = new byte[length];
        System.arraycopy(payload, position, value, 0, length);
        position += length;
        return value;
    }

    /** Fails when bytes are left over: a message longer than its fields is as broken as a shorter one. */
    public void expectEnd() throws ProtocolException {
        if (position != payload.length) {
            throw new ProtocolException("message '" + FrameReader.printable(type) + "' has " + (payload.length - position)
                    + " unexpected bytes after its fields");
        }
    }
}
