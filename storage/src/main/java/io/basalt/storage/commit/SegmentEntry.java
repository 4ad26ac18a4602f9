package io.basalt.storage.commit;

import java.util.Optional;

/**
 * One immutable segment file as a manifest version sees it.
 *
 * @param deletionVectorId the id of the deletion-vector file naming this segment's deleted rows in this
 *                         version; empty when no row is deleted. A new delete writes a new file with a new
 *                         id, so older versions keep reading the file they reference.
 * @param deletedRows      how many of {@code rowCount} rows the deletion vector marks
 */
public record SegmentEntry(long segmentId, long rowCount, long byteSize, Optional<Long> deletionVectorId,
                           long deletedRows) {

    public SegmentEntry {
        if (rowCount < 0 || byteSize < 0 || deletedRows < 0 || deletedRows > rowCount) {
            throw new IllegalArgumentException("invalid segment entry " + segmentId + ": rows " + rowCount
                    + ", deleted " + deletedRows + ", bytes " + byteSize);
        }
    }

    public static SegmentEntry of(long segmentId, long rowCount, long byteSize) {
        return new SegmentEntry(segmentId, rowCount, byteSize, Optional.empty(), 0);
    }

    public long liveRows() {
        return rowCount - deletedRows;
    }

    public SegmentEntry withDeletions(long newDeletionVectorId, long newDeletedRows) {
        return new SegmentEntry(segmentId, rowCount, byteSize, Optional.of(newDeletionVectorId), newDeletedRows);
    }
}
