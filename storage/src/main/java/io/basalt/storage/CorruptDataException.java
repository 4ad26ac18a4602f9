package io.basalt.storage;

import java.nio.file.Path;

/**
 * A file's bytes are not what was written: a checksum failed, a length points outside the file, a magic
 * number is wrong. The message names the file and, where known, the column and block, so an operator can
 * find it; storage never returns data it could not verify.
 */
public class CorruptDataException extends StorageException {

    /** PostgreSQL's {@code data_corrupted}. */
    public static final String SQLSTATE = "XX001";

    private final Path file;

    public CorruptDataException(Path file, String detail) {
        super(SQLSTATE, "corrupted data in " + file + ": " + detail);
        this.file = file;
    }

    public CorruptDataException(Path file, String detail, Throwable cause) {
        super(SQLSTATE, "corrupted data in " + file + ": " + detail, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
