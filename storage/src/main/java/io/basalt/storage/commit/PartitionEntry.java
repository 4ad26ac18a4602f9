package io.basalt.storage.commit;

import java.util.List;
import java.util.Optional;

/**
 * A partition of a table: a set of segments. An unpartitioned table has exactly one partition, with no
 * name.
 */
public record PartitionEntry(long partitionId, Optional<String> name, List<SegmentEntry> segments) {

    public PartitionEntry {
        segments = List.copyOf(segments);
    }

    public long rowCount() {
        long rows = 0;
        for (SegmentEntry segment : segments) {
            rows += segment.liveRows();
        }
        return rows;
    }

    public PartitionEntry withSegments(List<SegmentEntry> newSegments) {
        return new PartitionEntry(partitionId, name, newSegments);
    }
}
