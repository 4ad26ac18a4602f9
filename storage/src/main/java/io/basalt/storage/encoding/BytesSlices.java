package io.basalt.storage.encoding;

/**
 * Decoded BYTES values before they are copied into a vector: value {@code i} is
 * {@code source[starts[i], starts[i] + lengths[i])}, where {@code source} is the block's own byte array.
 * Decoders only compute positions; the one copy into the vector's arena happens afterwards.
 *
 * <p>A dictionary-encoded block has instead its {@code dictionary} (the distinct values) and each value's
 * {@code codes} entry, so that a filter can be evaluated once per distinct value and rows are gathered by code;
 * its {@code starts}, {@code lengths} and {@code totalBytes} are not computed (null, null, -1). Both are null
 * otherwise.
 */
record BytesSlices(byte[] source, int[] starts, int[] lengths, int count, long totalBytes,
                   BytesSlices dictionary, PackedLongs codes) {

    BytesSlices(byte[] source, int[] starts, int[] lengths, int count, long totalBytes) {
        this(source, starts, lengths, count, totalBytes, null, null);
    }

    static BytesSlices ofDictionary(byte[] source, int count, BytesSlices dictionary, PackedLongs codes) {
        return new BytesSlices(source, null, null, count, -1, dictionary, codes);
    }
}
