package io.basalt.storage.segment;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Zone map of BYTES values (UTF-8 text), compared as unsigned bytes, which for UTF-8 is code point order.
 * Bounds are cut to at most {@link #MAX_BOUND_BYTES} bytes so a few long strings do not bloat the footer:
 * a cut min is a prefix, still a lower bound; a cut max is rounded up (its last byte that is not 0xFF is
 * incremented and the rest dropped) so it stays an upper bound, and when no byte can be incremented the
 * max is {@code null}, meaning unbounded. A cut bound may end inside a UTF-8 sequence; bounds are bytes,
 * not text.
 */
public record BytesZoneMap(int rowCount, int nullCount, byte[] min, byte[] max) implements ZoneMap {

    public static final int MAX_BOUND_BYTES = 64;

    public BytesZoneMap {
        ZoneMap.checkCounts(rowCount, nullCount);
        if (min == null || min.length > MAX_BOUND_BYTES || (max != null && max.length > MAX_BOUND_BYTES)) {
            throw new IllegalArgumentException("bytes zone map bounds must exist and have at most " + MAX_BOUND_BYTES + " bytes");
        }
        if (max != null && rowCount > nullCount && Arrays.compareUnsigned(min, max) > 0) {
            throw new IllegalArgumentException("min > max");
        }
    }

    /** A zone map from the exact smallest and largest values, cutting them to bounds as described above. */
    public static BytesZoneMap of(int rowCount, int nullCount, byte[] exactMin, byte[] exactMax) {
        return new BytesZoneMap(rowCount, nullCount, lowerBound(exactMin), upperBound(exactMax));
    }

    /** Whether the max is a real bound; false when the values are too long and 0xFF-filled to bound. */
    public boolean hasUpperBound() {
        return max != null;
    }

    /**
     * Whether some non-null value may lie in {@code [low, high]} (inclusive, unsigned byte order); a
     * {@code null} bound leaves that side open.
     */
    public boolean mayContain(byte[] low, byte[] high) {
        if (!hasValues()) {
            return false;
        }
        if (high != null && Arrays.compareUnsigned(min, high) > 0) {
            return false;
        }
        return low == null || max == null || Arrays.compareUnsigned(max, low) >= 0;
    }

    @Override
    public ZoneMap merge(ZoneMap other) {
        BytesZoneMap that = (BytesZoneMap) other;
        int rows = Math.addExact(rowCount, that.rowCount);
        int nulls = nullCount + that.nullCount;
        if (!that.hasValues()) {
            return new BytesZoneMap(rows, nulls, min, max);
        }
        if (!hasValues()) {
            return new BytesZoneMap(rows, nulls, that.min, that.max);
        }
        byte[] newMin = Arrays.compareUnsigned(min, that.min) <= 0 ? min : that.min;
        byte[] newMax = max == null || that.max == null ? null
                : Arrays.compareUnsigned(max, that.max) >= 0 ? max : that.max;
        return new BytesZoneMap(rows, nulls, newMin, newMax);
    }

    static byte[] lowerBound(byte[] value) {
        return value.length <= MAX_BOUND_BYTES ? value.clone() : Arrays.copyOf(value, MAX_BOUND_BYTES);
    }

    static byte[] upperBound(byte[] value) {
        if (value.length <= MAX_BOUND_BYTES) {
            return value.clone();
        }
        for (int i = MAX_BOUND_BYTES - 1; i >= 0; i--) {
            if (value[i] != (byte) 0xFF) {
                byte[] bound = Arrays.copyOf(value, i + 1);
                bound[i]++;
                return bound;
            }
        }
        return null;
    }

    @Override
    public byte[] min() {
        return min.clone();
    }

    @Override
    public byte[] max() {
        return max == null ? null : max.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BytesZoneMap that && rowCount == that.rowCount && nullCount == that.nullCount
                && Arrays.equals(min, that.min) && Arrays.equals(max, that.max);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * rowCount + nullCount) + Arrays.hashCode(min)) + Arrays.hashCode(max);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "BytesZoneMap[rows=" + rowCount + ", nulls=" + nullCount + ", min=" + hex.formatHex(min)
                + ", max=" + (max == null ? "unbounded" : hex.formatHex(max)) + "]";
    }
}
