package io.basalt.storage.commit;

import java.util.List;

/**
 * The stored data of one index in one manifest version: a segment file holding the index's columns sorted by its
 * keys plus each row's identity, and the table segments (with their deletion vectors) it was built from.
 * <p>
 * <b>Freshness:</b> the data reflects the table only while the table's segments are exactly {@code source}: every
 * change to a table's rows (append, delete, update, compaction, truncate, ALTER's rewrite) changes its segment list
 * or a deletion vector id, so {@link #isFreshFor} can never call stale data fresh. Readers use only fresh data.
 *
 * @param segmentId the index segment's id (its file is {@code tables/<table>/indexes/<index>/<segment>.seg})
 * @param rowCount  how many rows the index holds: the table's live rows when it was built
 * @param source    the table's segments, in table order, as they were when the index was built
 */
public record IndexData(long indexId, long segmentId, long rowCount, List<SegmentEntry> source) {

    public IndexData {
        source = List.copyOf(source);
        if (rowCount < 0) {
            throw new IllegalArgumentException("index " + indexId + " has a negative row count");
        }
    }

    /** Whether this data reflects {@code table}'s rows as they are in its manifest version. */
    public boolean isFreshFor(TableEntry table) {
        return source.equals(table.allSegments());
    }
}
