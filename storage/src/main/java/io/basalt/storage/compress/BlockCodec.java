package io.basalt.storage.compress;

/**
 * Compresses and decompresses one block's bytes. Implementations are stateless and thread-safe. The caller
 * records the uncompressed length beside the compressed bytes, so decompression always knows exactly how
 * many bytes to expect and never needs to guess a buffer size.
 */
public interface BlockCodec {

    /** Compresses {@code src[off, off + len)} into a new array of exactly the compressed size. */
    byte[] compress(byte[] src, int off, int len);

    /**
     * Decompresses {@code src[off, off + len)}, which must expand to exactly {@code uncompressedLength} bytes.
     *
     * @throws DecompressionException if the input is malformed or expands to a different length
     */
    byte[] decompress(byte[] src, int off, int len, int uncompressedLength);
}
