package io.basalt.jdbc.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one frame: the type byte, a length to be filled in, and the payload written with the protocol's
 * primitive encodings (big-endian integers, IEEE doubles, length-prefixed UTF-8 strings, see docs/protocol.md).
 */
public final class MessageWriter {

    /** Big-endian 8-byte stores into the buffer: the bulk of a result batch is columns of int64s and doubles. */
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buffer;
    private int size;

    /** Starts a frame of type {@code type}. */
    public MessageWriter(byte type) {
        this(type, 64);
    }

    public MessageWriter(byte type, int expectedPayload) {
        buffer = new byte[Math.max(16, expectedPayload + 5)];
        buffer[0] = type;
        size = 5;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a frame cannot exceed 2 GiB");
            }
            byte[] grown = new byte[(int) wanted];
            System.arraycopy(buffer, 0, grown, 0, size);
            buffer = grown;
        }
    }

    public MessageWriter putByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public MessageWriter putBoolean(boolean value) {
        return putByte(value ? 1 : 0);
    }

    public MessageWriter putShort(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public MessageWriter putInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
        return this;
    }

    public MessageWriter putLong(long value) {
        putInt((int) (value >>> 32));
        return putInt((int) value);
    }

    public MessageWriter putDouble(double value) {
        return putLong(Double.doubleToRawLongBits(value));
    }

    /** {@code values[from .. from + count]} as int64s, the same bytes as {@link #putLong} each, with one size check. */
    public MessageWriter putLongs(long[] values, int from, int count) {
        ensure(8 * count);
        for (int i = from; i < from + count; i++) {
            LONGS.set(buffer, size, values[i]);
            size += 8;
        }
        return this;
    }

    /** {@code values[from .. from + count]} as IEEE doubles, the same bytes as {@link #putDouble} each. */
    public MessageWriter putDoubles(double[] values, int from, int count) {
        ensure(8 * count);
        for (int i = from; i < from + count; i++) {
            LONGS.set(buffer, size, Double.doubleToRawLongBits(values[i]));
            size += 8;
        }
        return this;
    }

    /** An int32 byte length (-1 for {@code null}) and the UTF-8 bytes. */
    public MessageWriter putString(String value) {
        if (value == null) {
            return putInt(-1);
        }
        return putBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    /** An int32 length and the bytes. */
    public MessageWriter putBytes(byte[] value) {
        return putBytes(value, 0, value.length);
    }

    public MessageWriter putBytes(byte[] value, int offset, int length) {
        putInt(length);
        return putRaw(value, offset, length);
    }

    /** Bytes without a length (the reader knows how many). */
    public MessageWriter putRaw(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
        return this;
    }

    public int payloadSize() {
        return size - 5;
    }

    /** Fills in the length and writes the frame (not flushed). */
    public void writeTo(OutputStream output) throws IOException {
        int length = size - 5;
        buffer[1] = (byte) (length >>> 24);
        buffer[2] = (byte) (length >>> 16);
        buffer[3] = (byte) (length >>> 8);
        buffer[4] = (byte) length;
        output.write(buffer, 0, size);
    }

    /** The frame as it would be written (tests). */
    public Frame toFrame() {
        byte[] payload = new byte[size - 5];
        System.arraycopy(buffer, 5, payload, 0, payload.length);
        return new Frame(buffer[0], payload);
    }
}
