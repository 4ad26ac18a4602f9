package io.basalt.storage.segment;

import io.basalt.storage.compress.Compression;
import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.encoding.ByteSink;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.encoding.EncodingKind;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes and reads the segment footer (layout in {@code docs/storage-format.md}). Reading checks every
 * count against the bytes that could hold it before allocating, every block against the data region of
 * the file, and every block list for contiguous rows, so a footer that passes is safe to act on.
 */
final class FooterCodec {

    /** The fewest bytes a column can take in the footer (empty name, no blocks). */
    private static final int MIN_COLUMN_BYTES = 2 + 3 + 4 + 1 + 4 + 1 + DistinctCountSketch.REGISTER_COUNT;
    /** The fewest bytes a block entry can take (its zone map at least a null count and one byte more). */
    private static final int MIN_BLOCK_BYTES = 4 + 4 + 8 + 4 + 4 + 1 + 1 + 4 + 4 + 3;

    private FooterCodec() {
    }

    static byte[] write(List<ColumnSpec> columns, int rowCount, List<List<BlockInfo>> blocks,
                        List<DistinctCountSketch> sketches) {
        ByteSink out = new ByteSink(1024 + columns.size() * (MIN_COLUMN_BYTES + 64));
        out.writeInt(rowCount);
        out.writeInt(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec spec = columns.get(c);
            byte[] name = spec.name().getBytes(StandardCharsets.UTF_8);
            out.writeShort(name.length);
            out.writeBytes(name);
            LogicalType type = spec.type();
            out.writeByte(LogicalTypeCodes.idOf(type.kind()));
            out.writeByte(type.precision());
            out.writeByte(type.scale());
            out.writeInt(type.length());
            out.writeByte(spec.compression().id());
            out.writeInt(blocks.get(c).size());
            for (BlockInfo block : blocks.get(c)) {
                out.writeInt(block.rowOffset());
                out.writeInt(block.rowCount());
                out.writeLong(block.fileOffset());
                out.writeInt(block.storedLength());
                out.writeInt(block.uncompressedLength());
                out.writeByte(block.encoding().id());
                out.writeByte(block.compression().id());
                out.writeInt(block.crc());
                ZoneMapCodec.write(out, block.zoneMap());
            }
            out.writeByte(DistinctCountSketch.LOG2_REGISTERS);
            out.writeBytes(sketches.get(c).registers());
        }
        return out.toByteArray();
    }

    /** Parses a footer whose CRC already matched; blocks must lie in {@code [HEADER_BYTES, dataEnd)}. */
    static SegmentFooter read(byte[] footer, long dataEnd) {
        ByteSource in = new ByteSource(footer);
        int rowCount = in.readCount("segment row count", 0, Integer.MAX_VALUE);
        int columnCount = in.readCount("column count", 0, in.remaining() / MIN_COLUMN_BYTES);
        List<ColumnSpec> columns = new ArrayList<>(columnCount);
        List<List<BlockInfo>> blocks = new ArrayList<>(columnCount);
        List<DistinctCountSketch> sketches = new ArrayList<>(columnCount);
        for (int c = 0; c < columnCount; c++) {
            ColumnSpec spec = readSpec(in, c);
            columns.add(spec);
            blocks.add(readBlocks(in, spec, rowCount, dataEnd));
            sketches.add(readSketch(in, spec));
        }
        in.expectEnd("footer");
        return new SegmentFooter(columns, rowCount, blocks, sketches);
    }

    private static ColumnSpec readSpec(ByteSource in, int column) {
        int nameLength = in.readUnsignedShort("column name length");
        int start = in.skip(nameLength, "column name");
        String name = new String(in.array(), start, nameLength, StandardCharsets.UTF_8);
        TypeKind kind = LogicalTypeCodes.kindOf(in.readUnsignedByte("type kind"));
        if (kind == null) {
            throw new BlockFormatException("column " + column + " has an unknown type kind");
        }
        int precision = in.readUnsignedByte("type precision");
        int scale = in.readUnsignedByte("type scale");
        int length = in.readInt("type length");
        Compression compression = Compression.fromId(in.readUnsignedByte("column compression"));
        if (compression == null) {
            throw new BlockFormatException("column '" + name + "' has an unknown compression");
        }
        try {
            return new ColumnSpec(name, new LogicalType(kind, precision, scale, length), compression);
        } catch (IllegalArgumentException e) {
            throw new BlockFormatException("column '" + name + "' has an invalid type: " + e.getMessage());
        }
    }

    private static List<BlockInfo> readBlocks(ByteSource in, ColumnSpec spec, int rowCount, long dataEnd) {
        PhysicalKind kind = spec.type().physicalKind();
        int blockCount = in.readCount("block count", 0, Math.min(rowCount, in.remaining() / MIN_BLOCK_BYTES));
        List<BlockInfo> blocks = new ArrayList<>(blockCount);
        long nextRow = 0;
        for (int b = 0; b < blockCount; b++) {
            String where = "column '" + spec.name() + "' block " + b + ": ";
            int rowOffset = in.readInt(where + "row offset");
            int blockRows = in.readCount(where + "row count", 1, BlockLimits.MAX_ROWS);
            if (rowOffset != nextRow || rowOffset + (long) blockRows > rowCount) {
                throw new BlockFormatException(where + "rows " + Integer.toUnsignedString(rowOffset) + "+" + blockRows
                        + " do not follow row " + nextRow + " within " + rowCount + " rows");
            }
            nextRow += blockRows;
            long fileOffset = in.readLong(where + "file offset");
            int storedLength = in.readCount(where + "stored length", 1, BlockLimits.MAX_BLOCK_BYTES);
            if (fileOffset < SegmentFormat.HEADER_BYTES || fileOffset > dataEnd - storedLength) {
                throw new BlockFormatException(where + "bytes " + fileOffset + "+" + storedLength
                        + " lie outside the data region [" + SegmentFormat.HEADER_BYTES + ", " + dataEnd + ")");
            }
            int uncompressedLength = in.readCount(where + "uncompressed length", 1, maxBodyBytes(kind, blockRows));
            EncodingKind encoding = EncodingKind.fromId(in.readUnsignedByte(where + "encoding"));
            if (encoding == null || !encoding.appliesTo(kind)) {
                throw new BlockFormatException(where + "unknown encoding for " + kind);
            }
            Compression compression = Compression.fromId(in.readUnsignedByte(where + "compression"));
            if (compression == null) {
                throw new BlockFormatException(where + "unknown compression");
            }
            checkExpansion(where, compression, storedLength, uncompressedLength);
            int crc = in.readInt(where + "crc");
            ZoneMap zoneMap = ZoneMapCodec.read(in, kind, blockRows);
            blocks.add(new BlockInfo(rowOffset, blockRows, fileOffset, storedLength, uncompressedLength, encoding,
                    compression, zoneMap, crc));
        }
        if (nextRow != rowCount) {
            throw new BlockFormatException("column '" + spec.name() + "' blocks cover " + nextRow + " of " + rowCount + " rows");
        }
        return blocks;
    }

    /**
     * The largest body a block of fixed-width values can have under any encoding (generously: 32 bytes a
     * row covers 128-bit dictionaries with their codes); BYTES blocks are bounded by the block size limit.
     */
    private static int maxBodyBytes(PhysicalKind kind, int rows) {
        if (kind == PhysicalKind.BYTES) {
            return BlockLimits.MAX_BLOCK_BYTES;
        }
        return 64 + rows / 8 + 32 * rows;
    }

    /** Raw LZ4 cannot expand more than ~255-fold; a larger claim is a corrupt length, caught before allocating. */
    private static void checkExpansion(String where, Compression compression, int storedLength, int uncompressedLength) {
        boolean ok = switch (compression) {
            case NONE -> storedLength == uncompressedLength;
            case LZ4 -> uncompressedLength <= 256L * storedLength + 64;
            case ZSTD -> true;
        };
        if (!ok) {
            throw new BlockFormatException(where + storedLength + " stored bytes cannot expand to "
                    + uncompressedLength + " under " + compression);
        }
    }

    private static DistinctCountSketch readSketch(ByteSource in, ColumnSpec spec) {
        int log2 = in.readUnsignedByte("sketch size");
        if (log2 != DistinctCountSketch.LOG2_REGISTERS) {
            throw new BlockFormatException("column '" + spec.name() + "' sketch has 2^" + log2 + " registers, expected 2^"
                    + DistinctCountSketch.LOG2_REGISTERS);
        }
        int start = in.skip(DistinctCountSketch.REGISTER_COUNT, "sketch registers");
        try {
            return DistinctCountSketch.fromRegisters(
                    Arrays.copyOfRange(in.array(), start, start + DistinctCountSketch.REGISTER_COUNT));
        } catch (IllegalArgumentException e) {
            throw new BlockFormatException("column '" + spec.name() + "' sketch: " + e.getMessage());
        }
    }
}
