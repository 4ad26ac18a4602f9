package io.basalt.storage.segment;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.compress.DecompressionException;
import io.basalt.storage.encoding.BitPacking;
import io.basalt.storage.encoding.BlockDecoder;
import io.basalt.storage.encoding.DecodedBlock;
import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.encoding.RunLengthLongs;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads a segment file. {@link #open} reads and verifies only the footer; blocks are read on demand with
 * positional reads, so one reader serves many threads at once. Every block is checked against its CRC32C
 * before it is decoded, and any inconsistency becomes a {@link CorruptDataException} naming the file (and
 * the column and block): storage never returns data it could not verify.
 */
public final class SegmentReader implements AutoCloseable {

    private final Path file;
    private final SegmentFileInput input;
    private final SegmentFooter footer;
    private final BlockCache cache;

    private SegmentReader(Path file, SegmentFileInput input, SegmentFooter footer, BlockCache cache) {
        this.file = file;
        this.input = input;
        this.footer = footer;
        this.cache = cache;
    }

    public static SegmentReader open(Path file) {
        return open(file, BlockCache.DISABLED);
    }

    /**
     * A reader taking the footer and the bodies of blocks from {@code cache} when it has them, and leaving the ones it
     * reads there.
     */
    public static SegmentReader open(Path file, BlockCache cache) {
        SegmentFileInput input = SegmentFileInput.open(file);
        try {
            SegmentFooter footer = cache.footer(file);
            return new SegmentReader(file, input, footer != null ? footer : readFooter(file, input, cache), cache);
        } catch (RuntimeException e) {
            try {
                input.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public SegmentFooter footer() {
        return footer;
    }

    /** Reads, verifies and decodes one block of a column. */
    public ColumnVector readBlock(int column, int block) {
        DecodedBlock decoded = readDecodedBlock(column, block);
        try {
            return decoded.vector();
        } catch (BlockFormatException e) {
            // A packed block is unpacked here, after readDecodedBlock: its dictionary codes are checked now.
            throw new CorruptDataException(file, "column '" + footer.columns().get(column).name() + "' block " + block
                    + ": " + e.getMessage(), e);
        }
    }

    /** {@link #readBlock}, keeping the dictionary form of a dictionary-encoded BYTES block. */
    public DecodedBlock readDecodedBlock(int column, int block) {
        List<BlockInfo> blocks = footer.blocks(column);
        if (block < 0 || block >= blocks.size()) {
            throw new IndexOutOfBoundsException("column " + column + " has " + blocks.size() + " blocks, not " + block);
        }
        BlockInfo info = blocks.get(block);
        ColumnSpec spec = footer.columns().get(column);
        String where = "column '" + spec.name() + "' block " + block;
        try {
            // A run-length block's runs, once decoded from a cached body, are kept with it (read-only, shared).
            boolean runLength = info.encoding() == EncodingKind.RUN_LENGTH;
            RunLengthLongs cachedRuns = runLength ? cache.runs(file, info.fileOffset()) : null;
            if (cachedRuns != null) {
                return DecodedBlock.ofRuns(cachedRuns);
            }
            byte[] body = cache.get(file, info.fileOffset());
            boolean cached = body != null;
            if (!cached) {
                body = readBody(info, where);
            }
            DecodedBlock decoded = BlockDecoder.decodeOwnedBlock(spec.type().physicalKind(), info.encoding(),
                    info.rowCount(), body, info.uncompressedLength());
            int nullCount = decoded.nullCount();
            if (nullCount != info.zoneMap().nullCount()) {
                throw new BlockFormatException("block has " + nullCount + " nulls, its zone map says "
                        + info.zoneMap().nullCount());
            }
            if (!cached) {
                cache.put(file, info.fileOffset(), body); // only a body that decoded
            }
            if (runLength && decoded.encodedLongs() instanceof RunLengthLongs runs) {
                cache.keepRuns(file, info.fileOffset(), runs);
            }
            return decoded;
        } catch (BlockFormatException | DecompressionException e) {
            throw new CorruptDataException(file, where + ": " + e.getMessage(), e);
        }
    }

    /**
     * A block's body, checked and decompressed, in an array with {@link BitPacking#PACKED_PADDING} spare bytes after
     * it so that bit-packed values are read in place ({@link BlockDecoder#decodeOwnedBlock}).
     */
    private byte[] readBody(BlockInfo info, String where) throws DecompressionException {
        int storedLength = info.storedLength();
        byte[] stored = input.read(info.fileOffset(), storedLength, BitPacking.PACKED_PADDING, where);
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, storedLength);
        if ((int) crc.getValue() != info.crc()) {
            throw new CorruptDataException(file, where + ": checksum mismatch (stored " + Integer.toHexString(info.crc())
                    + ", computed " + Integer.toHexString((int) crc.getValue()) + ")");
        }
        if (info.compression() == Compression.NONE) {
            if (storedLength != info.uncompressedLength()) {
                throw new BlockFormatException("uncompressed block of " + storedLength + " bytes claims "
                        + info.uncompressedLength());
            }
            return stored;
        }
        byte[] body = info.compression().codec().decompress(stored, 0, storedLength, info.uncompressedLength());
        return Arrays.copyOf(body, body.length + BitPacking.PACKED_PADDING);
    }

        /** Reads every block of a column into one vector of {@link SegmentFooter#rowCount()} positions. */
    public ColumnVector readColumn(int column) {
        PhysicalKind kind = footer.columns().get(column).type().physicalKind();
        List<BlockInfo> blocks = footer.blocks(column);
        int rows = footer.rowCount();
        if (blocks.size() == 1) {
            return readBlock(column, 0);
        }
        ColumnVector result = kind == PhysicalKind.BYTES
                ? new BytesVector(rows, (int) Math.min(footer.columnStats(column).uncompressedBytes(), 1 << 24))
                : ColumnVector.create(kind, rows);
        for (int b = 0; b < blocks.size(); b++) {
            ColumnVector block = readBlock(column, b);
            VectorCopier.appendRange(result, block, 0, block.positionCount());
        }
        return result;
    }

    @Override
    public void close() {
        input.close();
    }

    /** Reads and verifies the footer, leaving it in {@code cache}. */
    private static SegmentFooter readFooter(Path file, SegmentFileInput input, BlockCache cache) {
        long size = input.size();
        if (size < SegmentFormat.HEADER_BYTES + SegmentFormat.TAIL_BYTES) {
            throw new CorruptDataException(file, "file is " + size + " bytes, too short to be a segment (truncated?)");
        }
        ByteSource header = new ByteSource(input.read(0, SegmentFormat.HEADER_BYTES, "header"));
        checkMagic(file, header, "header");
        int version = header.readInt("version");
        if (version != SegmentFormat.VERSION) {
            throw new CorruptDataException(file, "unsupported segment format version " + version
                    + " (this build reads version " + SegmentFormat.VERSION + ")");
        }
        int reserved = header.readInt("reserved");
        if (reserved != 0) {
            throw new CorruptDataException(file, "reserved header field is " + reserved + ", expected 0");
        }
        ByteSource tail = new ByteSource(input.read(size - SegmentFormat.TAIL_BYTES, SegmentFormat.TAIL_BYTES, "tail"));
        int footerLength = tail.readInt("footer length");
        int footerCrc = tail.readInt("footer crc");
        checkMagic(file, tail, "trailing");
        long footerStart = size - SegmentFormat.TAIL_BYTES - Integer.toUnsignedLong(footerLength);
        if (footerStart < SegmentFormat.HEADER_BYTES) {
            throw new CorruptDataException(file, "footer length " + Integer.toUnsignedString(footerLength)
                    + " does not fit a file of " + size + " bytes");
        }
        byte[] footerBytes = input.read(footerStart, footerLength, "footer");
        CRC32C crc = new CRC32C();
        crc.update(footerBytes);
        if ((int) crc.getValue() != footerCrc) {
            throw new CorruptDataException(file, "footer checksum mismatch");
        }
        try {
            SegmentFooter footer = FooterCodec.read(footerBytes, footerStart);
            cache.putFooter(file, footer, footerBytes.length);
            return footer;
        } catch (BlockFormatException e) {
            throw new CorruptDataException(file, "footer: " + e.getMessage(), e);
        }
    }

    private static void checkMagic(Path file, ByteSource in, String which) {
        int start = in.skip(SegmentFormat.MAGIC.length, which + " magic");
        if (!Arrays.equals(in.array(), start, start + SegmentFormat.MAGIC.length,
                SegmentFormat.MAGIC, 0, SegmentFormat.MAGIC.length)) {
            throw new CorruptDataException(file, "no " + which + " magic: not a segment file, or truncated");
        }
    }
}
