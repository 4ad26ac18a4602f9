package io.basalt.optimizer.statistics;

import io.basalt.storage.segment.ColumnStats;
import io.basalt.storage.segment.DistinctCountSketch;
import io.basalt.storage.segment.SegmentFooter;
import io.basalt.storage.segment.ZoneMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The part of a segment footer the planner keeps: per column the zone map over the whole segment and the
 * distinct-count sketch (1 KiB). Block zone maps, offsets and encodings stay on disk: the planner needs none.
 */
public record SegmentSummary(long segmentId, int rowCount, List<ZoneMap> zoneMaps, List<DistinctCountSketch> sketches) {

    public SegmentSummary {
        zoneMaps = List.copyOf(zoneMaps);
        sketches = List.copyOf(sketches);
    }

    static SegmentSummary of(long segmentId, SegmentFooter footer) {
        List<ZoneMap> zoneMaps = new ArrayList<>(footer.columnCount());
        List<DistinctCountSketch> sketches = new ArrayList<>(footer.columnCount());
        for (ColumnStats stats : footer.columnStats()) {
            zoneMaps.add(stats.zoneMap());
            sketches.add(stats.sketch());
        }
        return new SegmentSummary(segmentId, footer.rowCount(), zoneMaps, sketches);
    }

    /** The segment-wide zone map of a table column. */
    public ZoneMap zoneMap(int column) {
        return zoneMaps.get(column);
    }
}
