package io.basalt.execution.spill;

import io.basalt.storage.compress.BlockCodec;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.compress.DecompressionException;
import io.basalt.storage.encoding.BlockDecoder;
import io.basalt.storage.encoding.BlockEncoder;
import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.encoding.ByteSink;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.encoding.EncodedBlock;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The layout of a spill file (little-endian). Spill files live only as long as their query, so the layout
 * has a version byte for sanity but no compatibility promise:
 * <pre>
 * header:  u32 FILE_MAGIC, u8 VERSION, u16 column count, u8 physical kind (ordinal) per column
 * frame:   u32 FRAME_MAGIC, u32 row count (1..BlockLimits.MAX_ROWS), u32 payload length, u32 CRC32C of payload,
 *          payload = per column: u8 encoding id, u8 compression id, u32 encoded length, u32 stored length, stored bytes
 * end:     u32 END_MAGIC, u64 total rows, u32 frame count
 * </pre>
 * Each column of a frame is one block exactly as {@link BlockEncoder} writes it for a segment, compressed
 * with LZ4 when that makes it smaller. A file without its end record was cut short (XX001).
 */
final class SpillFormat {

    static final int FILE_MAGIC = 0x4C505342; // "BSPL"
    static final int FRAME_MAGIC = 0x4D415246; // "FRAM"
    static final int END_MAGIC = 0x21444E45; // "END!"
    static final int VERSION = 1;
    static final int FRAME_HEADER_BYTES = 16;
    static final int END_BYTES = 16;

    private SpillFormat() {
    }

    static byte[] header(List<PhysicalKind> kinds) {
        ByteSink out = new ByteSink(8 + kinds.size());
        out.writeInt(FILE_MAGIC);
        out.writeByte(VERSION);
        out.writeShort(kinds.size());
        for (PhysicalKind kind : kinds) {
            out.writeByte(kind.ordinal());
        }
        return out.toByteArray();
    }

    static int headerBytes(int columnCount) {
        return 7 + columnCount;
    }

    /** Checks a file header against the kinds the file was written with. */
    static void checkHeader(byte[] header, List<PhysicalKind> kinds) {
        ByteSource in = new ByteSource(header);
        if (in.readInt("file magic") != FILE_MAGIC) {
            throw new BlockFormatException("not a spill file (bad magic)");
        }
        int version = in.readUnsignedByte("version");
        if (version != VERSION) {
            throw new BlockFormatException("spill file version " + version + ", expected " + VERSION);
        }
        int columns = in.readUnsignedShort("column count");
        if (columns != kinds.size()) {
            throw new BlockFormatException("spill file has " + columns + " columns, expected " + kinds.size());
        }
        for (int c = 0; c < columns; c++) {
            int kind = in.readUnsignedByte("column kind");
            if (kind != kinds.get(c).ordinal()) {
                throw new BlockFormatException("column " + c + " has kind " + kind + ", expected " + kinds.get(c));
            }
        }
        in.expectEnd("spill file header");
    }

    /** One frame (header and payload) holding rows {@code [from, from + count)} of {@code batch}. */
    static byte[] frame(ColumnBatch batch, int from, int count) {
        ColumnBatch rows = from == 0 && count == batch.rowCount() ? batch : VectorCopier.slice(batch, from, count);
        ByteSink payload = new ByteSink(1024);
        BlockCodec lz4 = Compression.LZ4.codec();
        for (ColumnVector column : rows.columns()) {
            EncodedBlock block = BlockEncoder.encode(column, count);
            byte[] compressed = lz4.compress(block.bytes(), 0, block.length());
            boolean useCompressed = compressed.length < block.length();
            payload.writeByte(block.encoding().id());
            payload.writeByte((useCompressed ? Compression.LZ4 : Compression.NONE).id());
            payload.writeInt(block.length());
            if (useCompressed) {
                payload.writeInt(compressed.length);
                payload.writeBytes(compressed);
            } else {
                payload.writeInt(block.length());
                payload.writeBytes(block.bytes(), 0, block.length());
            }
        }
        ByteSink frame = new ByteSink(FRAME_HEADER_BYTES + payload.size());
        frame.writeInt(FRAME_MAGIC);
        frame.writeInt(count);
        frame.writeInt(payload.size());
        frame.writeInt(checksum(payload.array(), 0, payload.size()));
        frame.writeBytes(payload.array(), 0, payload.size());
        return frame.toByteArray();
    }

    static byte[] end(long rows, int frames) {
        ByteSink out = new ByteSink(END_BYTES);
        out.writeInt(END_MAGIC);
        out.writeLong(rows);
        out.writeInt(frames);
        return out.toByteArray();
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Decodes a frame's payload (its checksum already verified) into a batch of {@code rowCount} rows. */
    static ColumnBatch decode(byte[] payload, int rowCount, List<PhysicalKind> kinds) {
        ByteSource in = new ByteSource(payload);
        List<ColumnVector> columns = new ArrayList<>(kinds.size());
        try {
            for (PhysicalKind kind : kinds) {
                EncodingKind encoding = EncodingKind.fromId(in.readUnsignedByte("encoding"));
                Compression compression = Compression.fromId(in.readUnsignedByte("compression"));
                if (encoding == null || compression == null) {
                    throw new BlockFormatException("unknown encoding or compression id");
                }
                int encodedLength = in.readCount("encoded length", 1, BlockLimits.MAX_BLOCK_BYTES);
                int storedLength = in.readCount("stored length", 1, in.remaining());
                if (compression == Compression.NONE && storedLength != encodedLength) {
                    throw new BlockFormatException("uncompressed block of " + storedLength + " bytes claims " + encodedLength);
                }
                int start = in.skip(storedLength, "block");
                byte[] block = compression == Compression.NONE ? payload
                        : compression.codec().decompress(payload, start, storedLength, encodedLength);
                int offset = compression == Compression.NONE ? start : 0;
                int length = compression == Compression.NONE ? storedLength : encodedLength;
                columns.add(BlockDecoder.decode(kind, encoding, rowCount, block, offset, length));
            }
            in.expectEnd("frame");
        } catch (DecompressionException e) {
            throw new BlockFormatException(e.getMessage());
        }
        return new ColumnBatch(rowCount, columns);
    }
}
