package io.basalt.storage.segment;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The file a segment is read from, shared by every thread reading the segment. Reads are positional, so
 * they need no locking. A {@link FileChannel} closes itself when a thread is interrupted inside a read
 * (which is how a query gets cancelled); that must not break the other threads' reads, so the channel is
 * then reopened for them.
 */
final class SegmentFileInput {

    private final Path file;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private SegmentFileInput(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    static SegmentFileInput open(Path file) {
        return new SegmentFileInput(file, openChannel(file));
    }

    long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw SegmentFileOutput.failure("reading", file, e);
        }
    }

    /** Reads exactly {@code length} bytes at {@code position}; {@code what} names them in errors. */
    byte[] read(long position, int length, String what) {
        return read(position, length, 0, what);
    }

    /** {@link #read(long, int, String)} into an array with {@code spare} more (zero) bytes after them. */
    byte[] read(long position, int length, int spare, String what) {
        for (int attempt = 0; ; attempt++) {
            FileChannel current = channel;
            try {
                return readFully(current, position, length, spare, what);
            } catch (ClosedByInterruptException e) {
                reopenAfter(current);
                throw new StorageException(StorageErrors.IO_ERROR, "reading " + what + " of " + file
                        + " was interrupted", e);
            } catch (ClosedChannelException e) {
                if (closed || attempt > 0) {
                    throw new IllegalStateException("segment reader for " + file + " is closed", e);
                }
                reopenAfter(current);
            } catch (IOException e) {
                throw SegmentFileOutput.failure("reading", file, e);
            }
        }
    }

    void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw SegmentFileOutput.failure("closing", file, e);
        }
    }

    private byte[] readFully(FileChannel current, long position, int length, int spare, String what)
            throws IOException {
        byte[] bytes = new byte[length + spare];
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            if (current.read(buffer, position + buffer.position()) < 0) {
                throw new CorruptDataException(file, what + " ends past the end of the file (truncated?)");
            }
        }
        return bytes;
    }

    /** Replaces a channel closed under a reader, unless another thread did so already or the reader is closed. */
    private synchronized void reopenAfter(FileChannel broken) {
        if (!closed && channel == broken) {
            channel = openChannel(file);
        }
    }

    private static FileChannel openChannel(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "segment file " + file + " does not exist", e);
        } catch (IOException e) {
            throw SegmentFileOutput.failure("opening", file, e);
        }
    }
}
