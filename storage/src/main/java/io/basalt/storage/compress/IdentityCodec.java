package io.basalt.storage.compress;

import java.util.Arrays;

/** {@link Compression#NONE}: the stored bytes are the block bytes. */
final class IdentityCodec implements BlockCodec {

    static final IdentityCodec INSTANCE = new IdentityCodec();

    private IdentityCodec() {
    }

    @Override
    public byte[] compress(byte[] src, int off, int len) {
        return Arrays.copyOfRange(src, off, off + len);
    }

    @Override
    public byte[] decompress(byte[] src, int off, int len, int uncompressedLength) {
        if (len != uncompressedLength) {
            throw new DecompressionException("uncompressed block has " + len + " bytes, expected " + uncompressedLength);
        }
        return Arrays.copyOfRange(src, off, off + len);
    }
}
