package io.basalt.execution.expression;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a fixed byte string in text, compiled once per needle. Eight candidate positions are tested at once
 * (SWAR, "SIMD within a register"): one long read at the position and one at the needle's last byte are
 * compared byte-wise with the needle's first and last bytes, and only positions where both agree are
 * compared in full. Unlike a Boyer–Moore–Horspool skip table this has no data-dependent table load and
 * branch per step, which is what made the Q13 search ({@code '%special%requests%'}) slow. Searching UTF-8
 * bytes is exact for valid UTF-8 needles: a match always starts at a character boundary.
 */
final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final byte[] needle;
    private final long firstBytes;
    private final long lastBytes;

    ByteSearch(byte[] needle) {
        this.needle = needle.clone();
        this.firstBytes = needle.length == 0 ? 0 : (needle[0] & 0xFFL) * ONES;
        this.lastBytes = needle.length == 0 ? 0 : (needle[needle.length - 1] & 0xFFL) * ONES;
    }

    int length() {
        return needle.length;
    }

    /** The first index of the needle in data[start, end), or -1. */
    int indexOf(byte[] data, int start, int end) {
        int length = needle.length;
        if (length == 0) {
            return start <= end ? start : -1;
        }
        int lastOffset = length - 1;
        int position = start;
        // Whole words while both reads stay inside [start, end).
        for (int wordLimit = end - lastOffset - Long.BYTES; position <= wordLimit; position += Long.BYTES) {
            long atFirst = (long) LONGS.get(data, position) ^ firstBytes;
            long atLast = (long) LONGS.get(data, position + lastOffset) ^ lastBytes;
            long differing = atFirst | atLast;
            // A high bit for each zero byte (both ends agree); bytes above a zero may be flagged falsely,
            // which the full comparison rejects.
            long candidates = (differing - ONES) & ~differing & HIGH_BITS;
            while (candidates != 0) {
                int candidate = position + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (matchesAt(data, candidate)) {
                    return candidate;
                }
                candidates &= candidates - 1;
            }
        }
        byte first = needle[0];
        for (int last = end - length; position <= last; position++) {
            if (data[position] == first && matchesAt(data, position)) {
                return position;
            }
        }
        return -1;
    }

    private boolean matchesAt(byte[] data, int position) {
        byte[] bytes = needle;
        for (int i = 0; i < bytes.length; i++) {
            if (data[position + i] != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
