package io.basalt.storage.compress;

import com.github.luben.zstd.Zstd;

import java.util.Arrays;

/** {@link Compression#ZSTD}: one Zstandard frame per block, level 3 by default (zstd's own default). */
final class ZstdCodec implements BlockCodec {

    static final int DEFAULT_LEVEL = 3;
    static final ZstdCodec DEFAULT = new ZstdCodec(DEFAULT_LEVEL);

    private final int level;

    ZstdCodec(int level) {
        this.level = level;
    }

    @Override
    public byte[] compress(byte[] src, int off, int len) {
        byte[] dest = new byte[Math.toIntExact(Zstd.compressBound(len))];
        long written = Zstd.compressByteArray(dest, 0, dest.length, src, off, len, level);
        if (Zstd.isError(written)) {
            // Only possible through a bug or an out-of-memory in native code; never silently drop data.
            throw new IllegalStateException("zstd compression failed: " + Zstd.getErrorName(written));
        }
        return Arrays.copyOf(dest, (int) written);
    }

    @Override
    public byte[] decompress(byte[] src, int off, int len, int uncompressedLength) {
        byte[] dest = new byte[uncompressedLength];
        long written;
        try {
            written = Zstd.decompressByteArray(dest, 0, uncompressedLength, src, off, len);
        } catch (RuntimeException e) {
            throw new DecompressionException("malformed zstd block: " + e.getMessage(), e);
        }
        if (Zstd.isError(written)) {
            throw new DecompressionException("malformed zstd block: " + Zstd.getErrorName(written));
        }
        if (written != uncompressedLength) {
            throw new DecompressionException("zstd block expanded to " + written + " bytes, expected " + uncompressedLength);
        }
        return dest;
    }
}
