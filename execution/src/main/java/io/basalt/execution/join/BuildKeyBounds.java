package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;

/**
 * The smallest and largest of a hash join's build keys (one LONG column), from which {@link DenseKeyRange} and
 * {@link RankedKeyRange} decide whether they can index them.
 */
record BuildKeyBounds(long min, long max) {

    /** The bounds of the keys at {@code indexed[0, count)} of {@code keys}, or null when there are none. */
    static BuildKeyBounds of(LongVector keys, int[] indexed, int count) {
        if (count == 0) {
            return null;
        }
        long[] values = keys.values();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long key = values[indexed[i]];
            min = Math.min(min, key);
            max = Math.max(max, key);
        }
        return new BuildKeyBounds(min, max);
    }

    /** {@code max - min}; negative when the range is wider than Long.MAX_VALUE. */
    long span() {
        return max - min;
    }
}
