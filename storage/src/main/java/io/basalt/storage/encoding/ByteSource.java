package io.basalt.storage.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A bounds-checked little-endian reader over part of a byte array. Every read checks what is left first
 * and throws {@link BlockFormatException}, so corrupt input can never cause an index error; counts read
 * from the input are checked against what the remaining bytes could possibly hold before anything is
 * allocated for them.
 */
public final class ByteSource {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buffer;
    private final int limit;
    private final boolean viewable;
    private int position;

    public ByteSource(byte[] buffer, int offset, int length) {
        this(buffer, offset, length, false);
    }

    public ByteSource(byte[] buffer) {
        this(buffer, 0, buffer.length);
    }

    private ByteSource(byte[] buffer, int offset, int length, boolean viewable) {
        if (offset < 0 || length < 0 || offset > buffer.length - length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside array of " + buffer.length);
        }
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
        this.viewable = viewable;
    }

    /**
     * A reader over {@code buffer[0, length)}, an array nobody changes any more (it may be shared), followed by at least
     * {@link BitPacking#PACKED_PADDING} spare bytes: what is decoded from it may keep views into it instead of copies
     * ({@link #isViewable}).
     */
    public static ByteSource ofOwnedArray(byte[] buffer, int length) {
        if (buffer.length - length < BitPacking.PACKED_PADDING) {
            throw new IllegalArgumentException(length + " bytes in an array of " + buffer.length
                    + " leave fewer than " + BitPacking.PACKED_PADDING + " spare");
        }
        return new ByteSource(buffer, 0, length, true);
    }

    /** Whether decoded values may refer to this reader's array instead of copying it ({@link #ofOwnedArray}). */
    public boolean isViewable() {
        return viewable;
    }

    public byte[] array() {
        return buffer;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return limit - position;
    }

    /** Checks that {@code count} more bytes exist. */
    public void require(long count, String what) {
        if (count < 0 || count > limit - position) {
            throw new BlockFormatException(what + " needs " + count + " bytes but only " + (limit - position) + " remain");
        }
    }

    /** Skips {@code count} bytes (after checking they exist) and returns the offset where they start. */
    public int skip(int count, String what) {
        require(count, what);
        int start = position;
        position += count;
        return start;
    }

    public int readUnsignedByte(String what) {
        require(1, what);
        return buffer[position++] & 0xFF;
    }

    public int readUnsignedShort(String what) {
        require(2, what);
        int value = (short) SHORT.get(buffer, position) & 0xFFFF;
        position += 2;
        return value;
    }

    public int readInt(String what) {
        require(4, what);
        int value = (int) INT.get(buffer, position);
        position += 4;
        return value;
    }

    public long readLong(String what) {
        require(8, what);
        long value = (long) LONG.get(buffer, position);
        position += 8;
        return value;
    }

    public double readDouble(String what) {
        return Double.longBitsToDouble(readLong(what));
    }

    /** Reads a u32 count that must lie in {@code [min, max]}. */
    public int readCount(String what, int min, int max) {
        int value = readInt(what);
        if (value < min || value > max) {
            throw new BlockFormatException(what + " is " + Integer.toUnsignedString(value) + ", expected " + min + ".." + max);
        }
        return value;
    }

    /** Reads a u8 bit width that must be at most {@code maxWidth}. */
    public int readBitWidth(String what, int maxWidth) {
        int width = readUnsignedByte(what);
        if (width > maxWidth) {
            throw new BlockFormatException(what + " is " + width + " bits, at most " + maxWidth + " allowed");
        }
        return width;
    }

    /** Reads a little-endian long (unaligned) from an absolute offset; the caller makes sure 8 bytes are there. */
    static long longAt(byte[] array, int offset) {
        return (long) LONG.get(array, offset);
    }

    /** Fails unless every byte was consumed: trailing bytes mean the lengths disagree with the layout. */
    public void expectEnd(String what) {
        if (position != limit) {
            throw new BlockFormatException(what + " has " + (limit - position) + " unexpected trailing bytes");
        }
    }
}
