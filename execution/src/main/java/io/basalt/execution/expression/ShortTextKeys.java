package io.basalt.execution.expression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Text of at most eight bytes as one long (its bytes little-endian, zero above its length), so that an equality with
 * a short constant is two number comparisons (length and bits) instead of a call to {@code Arrays.equals}, whose
 * set-up dominates for two- to eight-byte values: TPC-H Q22's {@code SUBSTRING(c_phone, 1, 2) IN (…seven codes…)}
 * spent 40 % of its scan in it. Values are read with one unaligned load where eight bytes are available.
 */
final class ShortTextKeys {

    static final int MAX_LENGTH = 8;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private ShortTextKeys() {
    }

    /** The key of {@code value}, which holds at most {@link #MAX_LENGTH} bytes. */
    static long of(byte[] value) {
        return of(value, 0, value.length);
    }

    /** The key of {@code data[start, start + length)}, {@code length} at most {@link #MAX_LENGTH}. */
    static long of(byte[] data, int start, int length) {
        if (start + Long.BYTES <= data.length) {
            return (long) LONGS.get(data, start) & mask(length);
        }
        long key = 0;
        for (int i = 0; i < length; i++) {
            key |= (data[start + i] & 0xFFL) << (8 * i);
        }
        return key;
    }

    private static long mask(int length) {
        // (1 << 64) would wrap to 1: eight bytes keep every bit.
        return length == Long.BYTES ? -1L : (1L << (8 * length)) - 1;
    }
}
