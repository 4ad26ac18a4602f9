package io.basalt.storage.compress;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

import java.util.Arrays;

/**
 * {@link Compression#LZ4}: a raw LZ4 block (no frame). Decompression uses the <em>safe</em> decompressor,
 * which checks every match against the input and output bounds, because the input may be corrupt.
 */
final class Lz4Codec implements BlockCodec {

    static final Lz4Codec INSTANCE = new Lz4Codec();

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;

    private Lz4Codec() {
        LZ4Factory factory = LZ4Factory.fastestInstance();
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
    }

    @Override
    public byte[] compress(byte[] src, int off, int len) {
        byte[] dest = new byte[compressor.maxCompressedLength(len)];
        int written = compressor.compress(src, off, len, dest, 0, dest.length);
        return Arrays.copyOf(dest, written);
    }

    @Override
    public byte[] decompress(byte[] src, int off, int len, int uncompressedLength) {
        byte[] dest = new byte[uncompressedLength];
        int written;
        try {
            written = decompressor.decompress(src, off, len, dest, 0, uncompressedLength);
        } catch (LZ4Exception | ArrayIndexOutOfBoundsException e) {
            throw new DecompressionException("malformed LZ4 block: " + e.getMessage(), e);
        }
        if (written != uncompressedLength) {
            throw new DecompressionException("LZ4 block expanded to " + written + " bytes, expected " + uncompressedLength);
        }
        return dest;
    }
}
