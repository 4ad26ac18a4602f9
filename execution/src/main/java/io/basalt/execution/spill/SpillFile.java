package io.basalt.execution.spill;

import io.basalt.storage.type.PhysicalKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A finished spill file: its rows can be read back, in the order written, any number of times until deleted. */
public final class SpillFile {

    private final Path path;
    private final List<PhysicalKind> kinds;
    private final long rowCount;
    private final long bytes;

    SpillFile(Path path, List<PhysicalKind> kinds, long rowCount, long bytes) {
        this.path = path;
        this.kinds = kinds;
        this.rowCount = rowCount;
        this.bytes = bytes;
    }

    public long rowCount() {
        return rowCount;
    }

    /** The file's size on disk. */
    public long bytes() {
        return bytes;
    }

    public List<PhysicalKind> kinds() {
        return kinds;
    }

    public Path path() {
        return path;
    }

    /** A reader from the first row; close it when done. */
    public SpillFileReader open() {
        return new SpillFileReader(this);
    }

    /** Deletes the file as soon as it is no longer needed (the query's end would delete it anyway). */
    public void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw SpillIoErrors.failed("delete", path, e);
        }
    }
}
