package io.basalt.optimizer.statistics;

import io.basalt.storage.commit.SegmentEntry;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Statistics of one table in one manifest version: per column, and per segment the summary its footer gave
 * (for EXPLAIN's count of segments a filter keeps).
 */
public record TableColumnStatistics(List<ColumnStatistics> columns, Map<Long, SegmentSummary> segments) {

    public TableColumnStatistics {
        columns = List.copyOf(columns);
        segments = Map.copyOf(segments);
    }

    /** The statistics of stored column {@code index}; null past the stored columns (a DML plan's row identity). */
    public ColumnStatistics column(int index) {
        return index < columns.size() ? columns.get(index) : null;
    }

    public Optional<SegmentSummary> segment(SegmentEntry entry) {
        return Optional.ofNullable(segments.get(entry.segmentId()));
    }
}
