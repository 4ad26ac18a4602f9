package io.basalt.storage.csv;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Looks at eight bytes at once ("SWAR": SIMD within a register). Most bytes of a CSV file are ordinary
 * field content, and testing a whole {@code long} for "contains a delimiter, newline or quote" skips them
 * several times faster than a byte loop. Words are read little-endian, so the lowest flagged byte of a mask
 * is the first match in the text.
 */
final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_BITS = 0x0101_0101_0101_0101L;
    static final long HIGH_BITS = 0x8080_8080_8080_8080L;

    private ByteSearch() {
    }

    /** The eight bytes at {@code index} (which needs {@code index + 8 <= bytes.length}). */
    static long word(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    /** {@code value} repeated in all eight bytes, the pattern {@link #matches} compares against. */
    static long broadcast(byte value) {
        return (value & 0xFFL) * LOW_BITS;
    }

    /**
     * Sets the high bit of each byte of {@code word} equal to the broadcast byte. Bytes above a true match may
     * be flagged falsely (borrows), so only the lowest flag is exact, which is all a search needs.
     */
    static long matches(long word, long pattern) {
        long difference = word ^ pattern;
        return (difference - LOW_BITS) & ~difference & HIGH_BITS;
    }

    /** The byte offset within the word of the lowest flag of a non-zero mask. */
    static int firstIndex(long mask) {
        return Long.numberOfTrailingZeros(mask) >>> 3;
    }
}
