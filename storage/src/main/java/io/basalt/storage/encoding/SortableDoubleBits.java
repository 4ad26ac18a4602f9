package io.basalt.storage.encoding;

/**
 * DOUBLE values are encoded as 64-bit keys: {@code key = bits ^ ((bits >> 63) >>> 1)} where {@code bits} is
 * {@link Double#doubleToRawLongBits}. The mapping flips the magnitude bits of negative numbers, so comparing
 * keys as signed longs gives IEEE 754 total order (-NaN < -Inf < … < -0.0 < 0.0 < … < +Inf < +NaN), and it
 * is its own inverse. Using the raw bits keeps every NaN payload and the sign of zero exactly; using the
 * ordered key lets the long encodings keep their dictionaries in numeric order.
 */
final class SortableDoubleBits {

    private SortableDoubleBits() {
    }

    static long toKey(double value) {
        long bits = Double.doubleToRawLongBits(value);
        return bits ^ ((bits >> 63) >>> 1);
    }

    static double fromKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) >>> 1));
    }

    static long[] toKeys(double[] values, int count) {
        long[] keys = new long[count];
        for (int i = 0; i < count; i++) {
            keys[i] = toKey(values[i]);
        }
        return keys;
    }

    static void fromKeys(long[] keys, int count, double[] out) {
        for (int i = 0; i < count; i++) {
            out[i] = fromKey(keys[i]);
        }
    }
}
