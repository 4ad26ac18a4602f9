package io.basalt.storage.segment;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;
import io.basalt.storage.compress.DecompressionException;
import io.basalt.storage.encoding.BlockDecoder;
import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    private final FileChannel channel;
    private final SegmentFooter footer;

    private SegmentReader(Path file, FileChannel channel, SegmentFooter footer) {
        this.file = file;
        this.channel = channel;
        this.footer = footer;
    }

    public static SegmentReader open(Path file) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "segment file " + file + " does not exist", e);
        } catch (IOException e) {
            throw SegmentFileOutput.failure("opening", file, e);
        }
        try {
            return new SegmentReader(file, channel, readFooter(file, channel));
        } catch (RuntimeException e) {
            closeQuietly(channel);
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
        List<BlockInfo> blocks = footer.blocks(column);
        if (block < 0 || block >= blocks.size()) {
            throw new IndexOutOfBoundsException("column " + column + " has " + blocks.size() + " blocks, not " + block);
        }
        BlockInfo info = blocks.get(block);
        ColumnSpec spec = footer.columns().get(column);
        String where = "column '" + spec.name() + "' block " + block;
        byte[] stored = readFully(file, channel, info.fileOffset(), info.storedLength(), where);
        CRC32C crc = new CRC32C();
        crc.update(stored);
        if ((int) crc.getValue() != info.crc()) {
            throw new CorruptDataException(file, where + ": checksum mismatch (stored " + Integer.toHexString(info.crc())
                    + ", computed " + Integer.toHexString((int) crc.getValue()) + ")");
        }
        try {
            byte[] body = info.compression().codec().decompress(stored, 0, stored.length, info.uncompressedLength());
            ColumnVector vector = BlockDecoder.decode(spec.type().physicalKind(), info.encoding(), info.rowCount(),
                    body, 0, body.length);
            if (vector.nullCount() != info.zoneMap().nullCount()) {
                throw new BlockFormatException("block has " + vector.nullCount() + " nulls, its zone map says "
                        + info.zoneMap().nullCount());
            }
            return vector;
        } catch (BlockFormatException | DecompressionException e) {
            throw new CorruptDataException(file, where + ": " + e.getMessage(), e);
        }
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
            VectorRanges.append(result, block, 0, block.positionCount());
        }
        return result;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw SegmentFileOutput.failure("closing", file, e);
        }
    }

    private static SegmentFooter readFooter(Path file, FileChannel channel) {
        long size;
        try {
            size = channel.size();
        } catch (IOException e) {
            throw SegmentFileOutput.failure("reading", file, e);
        }
        if (size < SegmentFormat.HEADER_BYTES + SegmentFormat.TAIL_BYTES) {
            throw new CorruptDataException(file, "file is " + size + " bytes, too short to be a segment (truncated?)");
        }
        ByteSource header = new ByteSource(readFully(file, channel, 0, SegmentFormat.HEADER_BYTES, "header"));
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
        ByteSource tail = new ByteSource(readFully(file, channel, size - SegmentFormat.TAIL_BYTES, SegmentFormat.TAIL_BYTES, "tail"));
        int footerLength = tail.readInt("footer length");
        int footerCrc = tail.readInt("footer crc");
        checkMagic(file, tail, "trailing");
        long footerStart = size - SegmentFormat.TAIL_BYTES - Integer.toUnsignedLong(footerLength);
        if (footerStart < SegmentFormat.HEADER_BYTES) {
            throw new CorruptDataException(file, "footer length " + Integer.toUnsignedString(footerLength)
                    + " does not fit a file of " + size + " bytes");
        }
        byte[] footerBytes = readFully(file, channel, footerStart, footerLength, "footer");
        CRC32C crc = new CRC32C();
        crc.update(footerBytes);
        if ((int) crc.getValue() != footerCrc) {
            throw new CorruptDataException(file, "footer checksum mismatch");
        }
        try {
            return FooterCodec.read(footerBytes, footerStart);
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

    /** Positional read of exactly {@code length} bytes; safe to run from many threads at once. */
    private static byte[] readFully(Path file, FileChannel channel, long position, int length, String what) {
        byte[] bytes = new byte[length];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                int read = channel.read(buffer, position + buffer.position());
                if (read < 0) {
                    throw new EOFException();
                }
            }
        } catch (EOFException e) {
            throw new CorruptDataException(file, what + " ends past the end of the file (truncated?)");
        } catch (IOException e) {
            throw SegmentFileOutput.failure("reading", file, e);
        }
        return bytes;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing with a better error.
        }
    }
}
