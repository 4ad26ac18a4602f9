package io.basalt.storage.segment;

import java.util.List;

/** What writing a segment produced: its row count, file size and per-column statistics. */
public record SegmentMetadata(int rowCount, long fileSize, List<ColumnSpec> columns, List<ColumnStats> columnStats) {

    public SegmentMetadata {
        columns = List.copyOf(columns);
        columnStats = List.copyOf(columnStats);
    }

    public ColumnStats columnStats(int column) {
        return columnStats.get(column);
    }
}
