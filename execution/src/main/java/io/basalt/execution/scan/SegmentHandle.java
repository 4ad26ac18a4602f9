package io.basalt.execution.scan;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.DataLayout;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.deletion.DeletionVectorFile;
import io.basalt.storage.segment.BlockCache;
import io.basalt.storage.segment.SegmentReader;

import java.nio.file.Path;

/**
 * One segment a scan reads, shared by the morsels cut from it. The first morsel to run opens the file
 * (footer only) and loads the deletion vector; the last one to finish closes it, so a scan of thousands of
 * segments keeps only the files it is working on open.
 */
final class SegmentHandle {

    private final Path file;
    /** The file of the entry's deletion vector, or null when it has none. */
    private final Path deletionVectorFile;
    private final SegmentEntry entry;
    private final BlockCache cache;
    private int unfinishedMorsels;
    private boolean opened;
    private RuntimeException openFailure;
    private boolean closed;
    private SegmentReader reader;
    private DeletionVector deletions;

    /** A segment of a table's partition. */
    SegmentHandle(DataLayout layout, long tableId, long partitionId, SegmentEntry entry, int morsels, BlockCache cache) {
        this(layout.segmentFile(tableId, partitionId, entry.segmentId()), entry.deletionVectorId()
                .map(id -> layout.deletionVectorFile(tableId, partitionId, entry.segmentId(), id)).orElse(null),
                entry, morsels, cache);
    }

    /** A segment file without deletions, such as an index's data (its rows are the table's live rows). */
    SegmentHandle(Path file, SegmentEntry entry, int morsels, BlockCache cache) {
        this(file, null, entry, morsels, cache);
    }

    private SegmentHandle(Path file, Path deletionVectorFile, SegmentEntry entry, int morsels, BlockCache cache) {
        this.file = file;
        this.deletionVectorFile = deletionVectorFile;
        this.entry = entry;
        this.unfinishedMorsels = morsels;
        this.cache = cache;
    }

    SegmentEntry entry() {
        return entry;
    }

    /**
     * Opens the segment once. {@code needsFile} is false for a scan that reads no column (only the count of
     * live rows matters), which then never touches the segment file.
     */
    synchronized void open(boolean needsFile) {
        if (openFailure != null) {
            throw openFailure; // every morsel of a segment that cannot be read fails the same way
        }
        if (opened) {
            return;
        }
        try {
            if (needsFile) {
                reader = SegmentReader.open(file, cache);
                if (reader.footer().rowCount() != entry.rowCount()) {
                    throw new CorruptDataException(reader.file(), "segment holds " + reader.footer().rowCount()
                            + " rows, the manifest says " + entry.rowCount());
                }
            }
            if (deletionVectorFile != null) {
                deletions = DeletionVectorFile.read(deletionVectorFile, entry.rowCount());
            }
            opened = true;
        } catch (RuntimeException e) {
            openFailure = e;
            close();
            throw e;
        }
    }

    synchronized SegmentReader reader() {
        return reader;
    }

    /** The deleted rows, or {@code null} when none is. */
    synchronized DeletionVector deletions() {
        return deletions;
    }

    /** A morsel of this segment is done; the last one closes the file. */
    synchronized void morselFinished() {
        if (--unfinishedMorsels == 0) {
            close();
        }
    }

    synchronized void close() {
        if (!closed) {
            // (a failed open closes too; a later morsel then rethrows the failure instead of reading)
            closed = true;
            if (reader != null) {
                reader.close();
                reader = null;
            }
            deletions = null;
        }
    }
}
