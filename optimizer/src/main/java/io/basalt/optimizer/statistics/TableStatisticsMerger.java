package io.basalt.optimizer.statistics;

import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.segment.DistinctCountSketch;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Merges segment summaries into a table's column statistics: zone maps merge into one range, null counts add up,
 * sketches merge register-wise into one distinct estimate. Deleted rows are not in any footer; their share is
 * taken off the counts proportionally (an approximation: deletions are assumed to hit NULLs and values alike, and
 * not to remove whole distinct values).
 */
final class TableStatisticsMerger {

    private TableStatisticsMerger() {
    }

    static TableColumnStatistics merge(TableEntry table, Map<Long, SegmentSummary> summaries) {
        List<ColumnDefinition> columns = table.definition().columns();
        List<ColumnStatistics> result = new ArrayList<>(columns.size());
        double totalRows = 0;
        double liveRows = 0;
        for (SegmentEntry segment : table.allSegments()) {
            totalRows += segment.rowCount();
            liveRows += segment.liveRows();
        }
        double liveShare = totalRows == 0 ? 1.0 : liveRows / totalRows;
        for (int c = 0; c < columns.size(); c++) {
            LogicalType type = columns.get(c).type();
            ZoneMap merged = ZoneMap.empty(type.physicalKind());
            DistinctCountSketch sketch = new DistinctCountSketch();
            for (SegmentEntry segment : table.allSegments()) {
                SegmentSummary summary = summaries.get(segment.segmentId());
                merged = merged.merge(summary.zoneMap(c));
                sketch.merge(summary.sketches().get(c));
            }
            double nulls = merged.nullCount() * liveShare;
            double distinct = Math.min(sketch.estimate(), Math.max(0, liveRows - nulls));
            double[] bounds = ValuePositions.bounds(merged, type);
            result.add(new ColumnStatistics(liveRows, nulls, distinct, bounds[0], bounds[1]));
        }
        return new TableColumnStatistics(result, summaries);
    }
}
