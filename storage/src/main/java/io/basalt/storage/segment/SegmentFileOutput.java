package io.basalt.storage.segment;

import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The file a segment is written to: appends, tracks the offset, syncs; I/O errors name the file. */
final class SegmentFileOutput {

    private final Path file;
    private final FileChannel channel;
    private long position;

    private SegmentFileOutput(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Creates the file; it must not exist yet, so a segment is never written over another one. */
    static SegmentFileOutput create(Path file) {
        try {
            return new SegmentFileOutput(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw failure("creating", file, e);
        }
    }

    /** Appends {@code bytes[offset, offset + length)} and returns the file offset they start at. */
    long write(byte[] bytes, int offset, int length) {
        long start = position;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw failure("writing", file, e);
        }
        position += length;
        return start;
    }

    long position() {
        return position;
    }

    /** Forces the contents to stable storage and closes. */
    void syncAndClose() {
        try {
            channel.force(true);
            channel.close();
        } catch (IOException e) {
            throw failure("syncing", file, e);
        }
    }

    /** Closes without syncing and deletes the file; used when the segment is abandoned. Never throws. */
    void discard() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // The file is being deleted; a failed close changes nothing for the caller.
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Left behind, the file is unreferenced by any manifest and swept when the database opens.
        }
    }

    static StorageException failure(String action, Path file, IOException e) {
        return new StorageException(StorageErrors.IO_ERROR, action + " segment file " + file + " failed: " + e.getMessage(), e);
    }
}
