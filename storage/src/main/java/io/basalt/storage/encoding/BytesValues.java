package io.basalt.storage.encoding;

import java.util.Arrays;

/**
 * A block's non-null variable-length values without copying them: value {@code i} is
 * {@code data[offsets[i], offsets[i + 1])}. A {@code BytesVector} gives this view directly, because its
 * null positions take empty slots and so dropping them leaves the neighbouring offsets contiguous.
 */
record BytesValues(byte[] data, int[] offsets, int count) {

    int start(int i) {
        return offsets[i];
    }

    int length(int i) {
        return offsets[i + 1] - offsets[i];
    }

    long totalBytes() {
        return (long) offsets[count] - offsets[0];
    }

    boolean sameValue(int i, int j) {
        return Arrays.equals(data, offsets[i], offsets[i + 1], data, offsets[j], offsets[j + 1]);
    }

    /** Unsigned lexicographic order, which for UTF-8 is code point order. */
    int compare(int i, int j) {
        return Arrays.compareUnsigned(data, offsets[i], offsets[i + 1], data, offsets[j], offsets[j + 1]);
    }
}
