package io.basalt.optimizer.statistics;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.scan.SegmentPruning;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * For EXPLAIN, how many of each scan's segments its pushed filter keeps: the executor's own zone-map rule
 * ({@link SegmentPruning}) applied to the segment zone maps the statistics already hold, so no file is read.
 * Segments whose zone maps are unknown count as kept.
 */
public final class ScanSegmentCounts {

    private ScanSegmentCounts() {
    }

    /** A note ("segments: K of N") for every scan of the plan, by node identity. */
    public static Map<PhysicalNode, String> of(PhysicalNode plan, Manifest catalog, QueryStatistics statistics) {
        Map<PhysicalNode, String> notes = new IdentityHashMap<>();
        collect(plan, catalog, statistics, notes);
        return Collections.unmodifiableMap(notes);
    }

    private static void collect(PhysicalNode node, Manifest catalog, QueryStatistics statistics,
                                Map<PhysicalNode, String> notes) {
        if (node instanceof TableScanNode scan) {
            catalog.table(scan.tableId()).ifPresent(table -> notes.put(scan, note(scan, table, statistics)));
        }
        for (PhysicalNode input : node.inputs()) {
            collect(input, catalog, statistics, notes);
        }
    }

    private static String note(TableScanNode scan, TableEntry table, QueryStatistics statistics) {
        int total = 0;
        int kept = 0;
        SegmentPruning pruning = SegmentPruning.of(scan);
        Optional<TableColumnStatistics> known = pruning.canPrune() ? statistics.of(table) : Optional.empty();
        for (SegmentEntry segment : table.allSegments()) {
            total++;
            Optional<SegmentSummary> summary = known.flatMap(stats -> stats.segment(segment));
            if (summary.isEmpty() || !pruning.excludes(summary.get()::zoneMap)) {
                kept++;
            }
        }
        return "segments: " + kept + " of " + total;
    }
}
