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

    public ColumnStatistics column(int index) {
        return columns.get(index);
    }

    public Optional<SegmentSummary> segment(SegmentEntry entry) {
        return Optional.ofNullable(segments.get(entry.segmentId()));
    }
}
