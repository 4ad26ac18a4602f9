package io.basalt.storage.encoding;

/**
 * Decoded BYTES values before they are copied into a vector: value {@code i} is
 * {@code source[starts[i], starts[i] + lengths[i])}, where {@code source} is the block's own byte array.
 * Decoders only compute positions; the one copy into the vector's arena happens afterwards.
 */
record BytesSlices(byte[] source, int[] starts, int[] lengths, int count, long totalBytes) {
}
