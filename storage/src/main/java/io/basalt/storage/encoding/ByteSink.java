package io.basalt.storage.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable little-endian byte buffer that encoders write into. */
public final class ByteSink {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] buffer;
    private int size;

    public ByteSink(int initialCapacity) {
        this.buffer = new byte[Math.max(initialCapacity, 16)];
    }

    public int size() {
        return size;
    }

    /** The backing array; bytes {@code [0, size())} are valid. */
    public byte[] array() {
        return buffer;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    public void reset() {
        size = 0;
    }

    public void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    public void writeShort(int value) {
        ensure(2);
        SHORT.set(buffer, size, (short) value);
        size += 2;
    }

    public void writeInt(int value) {
        ensure(4);
        INT.set(buffer, size, value);
        size += 4;
    }

    public void writeLong(long value) {
        ensure(8);
        LONG.set(buffer, size, value);
        size += 8;
    }

    public void writeDouble(double value) {
        writeLong(Double.doubleToRawLongBits(value));
    }

    public void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, buffer, size, length);
        size += length;
    }

    public void writeBytes(byte[] source) {
        writeBytes(source, 0, source.length);
    }

    /** Writes the little-endian bytes of {@code words}, keeping only the first {@code byteCount} of them. */
    void writeLongPrefix(long[] words, int byteCount) {
        ensure(byteCount);
        int fullWords = byteCount >>> 3;
        for (int i = 0; i < fullWords; i++) {
            LONG.set(buffer, size + (i << 3), words[i]);
        }
        int pos = size + (fullWords << 3);
        for (int b = 0; b < (byteCount & 7); b++) {
            buffer[pos + b] = (byte) (words[fullWords] >>> (b << 3));
        }
        size += byteCount;
    }

    private void ensure(int extra) {
        long needed = (long) size + extra;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("encoded block exceeds 2 GiB");
            }
            long grown = Math.max(needed, Math.min((long) buffer.length * 2, Integer.MAX_VALUE - 16));
            buffer = Arrays.copyOf(buffer, (int) grown);
        }
    }
}
