package io.basalt.execution.spill;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.encoding.BlockFormatException;
import io.basalt.storage.encoding.BlockLimits;
import io.basalt.storage.encoding.ByteSource;
import io.basalt.storage.vector.ColumnBatch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * Reads a spill file back one frame (at most {@link BlockLimits#MAX_ROWS} rows) at a time through a small
 * buffer, so a k-way merge over many files holds only one batch of each. Every length is checked against
 * what is left of the file and every frame against its checksum before decoding: a truncated or damaged
 * file fails with XX001 ({@link CorruptDataException}) naming the file, never with wrong rows.
 */
public final class SpillFileReader implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;

    private final SpillFile file;
    private final long size;
    private InputStream in;
    private long position;
    private long rows;
    private int frames;
    private boolean ended;

    SpillFileReader(SpillFile file) {
        this.file = file;
        try {
            this.size = Files.size(file.path());
            this.in = new BufferedInputStream(Files.newInputStream(file.path()), BUFFER_BYTES);
            SpillFormat.checkHeader(read(SpillFormat.headerBytes(file.kinds().size()), "file header"), file.kinds());
        } catch (IOException e) {
            close();
            throw SpillIoErrors.failed("read", file.path(), e);
        } catch (BlockFormatException e) {
            close();
            throw corrupt(e.getMessage());
        }
    }

    /** The next batch of rows, or {@code null} after the last one. */
    public ColumnBatch next() {
        if (ended) {
            return null;
        }
        if (in == null) {
            throw new IllegalStateException("spill file reader is closed");
        }
        try {
            ByteSource header = new ByteSource(read(4, "frame header"));
            int magic = header.readInt("magic");
            if (magic == SpillFormat.END_MAGIC) {
                readEnd();
                return null;
            }
            if (magic != SpillFormat.FRAME_MAGIC) {
                throw corrupt("bad frame magic at byte " + (position - 4));
            }
            ByteSource frame = new ByteSource(read(SpillFormat.FRAME_HEADER_BYTES - 4, "frame header"));
            int rowCount = frame.readInt("row count");
            int payloadLength = frame.readInt("payload length");
            int checksum = frame.readInt("checksum");
            if (rowCount < 1 || rowCount > BlockLimits.MAX_ROWS) {
                throw corrupt("frame claims " + Integer.toUnsignedString(rowCount) + " rows");
            }
            if (payloadLength < 0 || payloadLength > size - position) {
                throw corrupt("frame claims " + Integer.toUnsignedString(payloadLength) + " bytes but only "
                        + (size - position) + " remain");
            }
            byte[] payload = read(payloadLength, "frame payload");
            if (SpillFormat.checksum(payload, 0, payloadLength) != checksum) {
                throw corrupt("checksum mismatch in frame " + frames);
            }
            ColumnBatch batch = SpillFormat.decode(payload, rowCount, file.kinds());
            rows += rowCount;
            frames++;
            return batch;
        } catch (IOException e) {
            throw SpillIoErrors.failed("read", file.path(), e);
        } catch (BlockFormatException e) {
            throw corrupt("frame " + frames + ": " + e.getMessage());
        }
    }

    private void readEnd() throws IOException {
        ByteSource end = new ByteSource(read(SpillFormat.END_BYTES - 4, "end record"));
        long totalRows = end.readLong("total rows");
        int totalFrames = end.readInt("frame count");
        if (totalRows != rows || totalFrames != frames || rows != file.rowCount()) {
            throw corrupt("end record says " + totalRows + " rows in " + totalFrames + " frames, read " + rows
                    + " rows in " + frames + " frames, " + file.rowCount() + " were written");
        }
        if (in.read() != -1) {
            throw corrupt("unexpected bytes after the end record");
        }
        ended = true;
    }

    /** Exactly {@code count} bytes, or an XX001 error when the file ends first. */
    private byte[] read(int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        position += bytes.length;
        if (bytes.length < count) {
            throw corrupt("truncated: the file ends inside the " + what + " at byte " + position);
        }
        return bytes;
    }

    private CorruptDataException corrupt(String detail) {
        return new CorruptDataException(file.path(), "spill file: " + detail);
    }

    @Override
    public void close() {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only stream: nothing lost
            }
            in = null;
        }
    }
}
