package io.basalt.storage.deletion;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.DurableFiles;
import io.basalt.storage.StorageErrors;
import io.basalt.storage.StorageException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A deletion vector on disk (docs/storage-format.md, "Deletion-vector files"): magic, row count, the bitmap
 * words, and a CRC32C over everything before it. Sparse deletes are stored as a run of zero words, which
 * is wasteful but simple; files are small (128 KB for a million-row segment) and written rarely.
 */
public final class DeletionVectorFile {

    private static final byte[] MAGIC = "BSLTDEL1".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + 8;

    private DeletionVectorFile() {
    }

    public static void write(Path file, DeletionVector vector) {
        long[] words = vector.words();
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + words.length * 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(MAGIC).putLong(vector.rowCount());
        for (long word : words) {
            buffer.putLong(word);
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        try {
            DurableFiles.writeAndSync(file, buffer.array());
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static DeletionVector read(Path file, long expectedRowCount) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException(StorageErrors.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < HEADER_BYTES + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptDataException(file, "not a deletion-vector file (bad magic number or too short)");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if ((int) crc.getValue() != buffer.getInt(bytes.length - 4)) {
            throw new CorruptDataException(file, "deletion-vector checksum mismatch (CRC32C)");
        }
        long rowCount = buffer.getLong(MAGIC.length);
        if (rowCount != expectedRowCount) {
            throw new CorruptDataException(file, "deletion vector covers " + rowCount + " rows, its segment has " + expectedRowCount);
        }
        int wordCount = (bytes.length - HEADER_BYTES - 4) / 8;
        if ((long) wordCount * 8 != bytes.length - HEADER_BYTES - 4 || wordCount != (rowCount + 63) / 64) {
            throw new CorruptDataException(file, "deletion-vector length does not match its row count " + rowCount);
        }
        long[] words = new long[wordCount];
        buffer.position(HEADER_BYTES);
        for (int i = 0; i < wordCount; i++) {
            words[i] = buffer.getLong();
        }
        try {
            return DeletionVector.fromWords(rowCount, words);
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException(file, e.getMessage(), e);
        }
    }
}
