package io.basalt.storage.csv;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file sequentially in buffers of about {@code chunkSize} bytes and cuts each buffer after its last
 * complete record, as {@link RecordBoundaryScanner} sees records. The partial record after the cut is copied
 * to the front of the next buffer. Each byte of the file is read once and scanned once; memory is the
 * buffers in flight, never the file.
 *
 * <p>A record longer than a buffer grows the buffer, up to {@code maxRecordBytes}: beyond that the record is
 * refused, which is what stops an unbalanced quote early in a large file from swallowing the whole rest of it.
 * Used by one thread.
 */
final class ChunkSplitter {

    private static final byte[] UTF8_BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final FileChannel channel;
    private final RecordBoundaryScanner scanner;
    private final BufferPool pool;
    private final int chunkSize;
    private final int maxRecordBytes;

    /** The next chunk's buffer, already holding (and having scanned) the previous chunk's partial record. */
    private byte[] buffer;
    private int filled;
    /** A record end already found in {@link #buffer}'s first bytes (by the byte order mark check), or -1. */
    private int recordEndInBuffer = -1;
    private int nextIndex;
    private long nextFirstLine = 1;
    private boolean finished;

    ChunkSplitter(Path file, FileChannel channel, CsvOptions options, BufferPool pool, int chunkSize,
                  int maxRecordBytes) {
        this.file = file;
        this.channel = channel;
        this.scanner = new RecordBoundaryScanner(options);
        this.pool = pool;
        this.chunkSize = chunkSize;
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = pool.acquire(Math.max(chunkSize, UTF8_BYTE_ORDER_MARK.length));
        skipByteOrderMark();
    }

    /** The next chunk in file order, or null after the last one. */
    Chunk next() {
        if (finished) {
            return null;
        }
        int recordEnd = recordEndInBuffer;
        recordEndInBuffer = -1;
        boolean endOfFile = false;
        while (!endOfFile) {
            if (filled == buffer.length) {
                if (recordEnd >= 0) {
                    break;
                }
                growForLongRecord();
            }
            int read = read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                endOfFile = true;
            } else {
                int end = scanner.scan(buffer, filled, filled + read);
                if (end >= 0) {
                    recordEnd = end;
                }
                filled += read;
            }
        }
        if (endOfFile) {
            finished = true;
            if (filled == 0) {
                pool.release(buffer);
                buffer = null;
                return null;
            }
            Chunk last = new Chunk(nextIndex++, buffer, 0, filled, nextFirstLine);
            buffer = null;
            return last;
        }
        Chunk chunk = new Chunk(nextIndex++, buffer, 0, recordEnd, nextFirstLine);
        nextFirstLine = scanner.newlinesAtRecordEnd() + 1;
        // Move the partial record now, before the chunk's buffer goes to a worker that may recycle it.
        int carried = filled - recordEnd;
        byte[] next = pool.acquire(carried <= chunkSize / 2 ? chunkSize : carried * 2);
        System.arraycopy(buffer, recordEnd, next, 0, carried);
        buffer = next;
        filled = carried;
        return chunk;
    }

    /** Returns the buffer that would have been the next chunk's, when reading stops early. */
    void close() {
        if (buffer != null) {
            pool.release(buffer);
            buffer = null;
        }
    }

    private void growForLongRecord() {
        if (buffer.length >= maxRecordBytes) {
            String problem = scanner.insideQuotes()
                    ? "unterminated quoted field: no closing quote within " + describe(maxRecordBytes)
                    : "record longer than " + describe(maxRecordBytes);
            throw new CsvFormatException(StorageErrors.BAD_COPY_FILE_FORMAT, file, nextFirstLine, 0, null, problem, null);
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(maxRecordBytes, 2L * buffer.length));
    }

    private static String describe(int bytes) {
        return bytes >= (1 << 20) && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    private void skipByteOrderMark() {
        byte[] start = new byte[UTF8_BYTE_ORDER_MARK.length];
        int length = 0;
        while (length < start.length) {
            int read = read(start, length, start.length - length);
            if (read < 0) {
                break;
            }
            length += read;
        }
        // Keep what is not a byte order mark: it is the start of the first record and must be scanned.
        int skip = Arrays.equals(start, UTF8_BYTE_ORDER_MARK) ? start.length : 0;
        if (length > skip) {
            System.arraycopy(start, skip, buffer, 0, length - skip);
            recordEndInBuffer = scanner.scan(buffer, 0, length - skip);
            filled = length - skip;
        }
    }

    private int read(byte[] target, int offset, int length) {
        try {
            int read = 0;
            while (read == 0 && length > 0) {
                read = channel.read(ByteBuffer.wrap(target, offset, length));
            }
            return read;
        } catch (ClosedByInterruptException e) {
            throw new StorageException(StorageErrors.QUERY_CANCELED, "reading \"" + file + "\" was interrupted", e);
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "could not read file \"" + file + "\": " + e.getMessage(), e);
        }
    }
}
