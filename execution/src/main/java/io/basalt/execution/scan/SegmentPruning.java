package io.basalt.execution.scan;

import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.storage.segment.ZoneMap;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Which segments a scan's pushed filter rules out by their zone maps, judged exactly as the scan itself will
 * judge them when it runs. For the planner's EXPLAIN ("segments: K of N"): one rule, written once.
 */
public final class SegmentPruning {

    private final ZoneMapFilter filter;

    private SegmentPruning(ZoneMapFilter filter) {
        this.filter = filter;
    }

    public static SegmentPruning of(TableScanNode scan) {
        List<LogicalType> types = new ArrayList<>(scan.columns().length);
        for (Column column : scan.readColumns()) {
            types.add(column.type());
        }
        return new SegmentPruning(ZoneMapFilter.of(scan.filter(), scan.columns(), types));
    }

    /** Whether the filter has any part zone maps can judge; without one every segment is read. */
    public boolean canPrune() {
        return !filter.isEmpty();
    }

    /**
     * Whether the scan skips a segment.
     *
     * @param segmentZoneMaps the segment's zone map over all rows of a column, by the column's index in the table
     */
    public boolean excludes(IntFunction<ZoneMap> segmentZoneMaps) {
        return filter.excludesSegment(segmentZoneMaps);
    }
}
