package io.basalt.storage.encoding;

/**
 * Decoded BYTES values before they are copied into a vector: value {@code i} is
 * {@code source[starts[i], starts[i] + lengths[i])}, where {@code source} is the block's own byte array.
 * Decoders only compute positions; the one copy into the vector's arena happens afterwards.
 *
 * <p>A dictionary-encoded block also keeps its {@code dictionary} (the distinct values) and each value's
 * {@code codes} entry, so that a filter can be evaluated once per distinct value; both are null otherwise.
 */
record BytesSlices(byte[] source, int[] starts, int[] lengths, int count, long totalBytes,
                   BytesSlices dictionary, int[] codes) {

    BytesSlices(byte[] source, int[] starts, int[] lengths, int count, long totalBytes) {
        this(source, starts, lengths, count, totalBytes, null, null);
    }
}
