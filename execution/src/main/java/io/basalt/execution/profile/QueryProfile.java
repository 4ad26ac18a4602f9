package io.basalt.execution.profile;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.PlanPrinter;
import io.basalt.execution.scan.ScanCounters;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The statistics of every node of an analyzed run (EXPLAIN ANALYZE), keyed by node identity: two equal
 * subtrees of one plan are different operators.
 */
public final class QueryProfile {

    private final PhysicalNode plan;
    private final Map<PhysicalNode, NodeStatistics> nodes = new IdentityHashMap<>();
    private long totalNanos;
    private long peakMemoryBytes;

    public QueryProfile(PhysicalNode plan) {
        this.plan = plan;
    }

    public synchronized NodeStatistics statistics(PhysicalNode node) {
        return nodes.computeIfAbsent(node, n -> new NodeStatistics());
    }

    public synchronized void finished(long totalNanos, long peakMemoryBytes) {
        this.totalNanos = totalNanos;
        this.peakMemoryBytes = peakMemoryBytes;
    }

    public PhysicalNode plan() {
        return plan;
    }

    /** The plan as EXPLAIN prints it, each node followed by what it actually did. */
    public String render() {
        StringBuilder text = new StringBuilder(PlanPrinter.print(plan, this::annotation));
        text.append(String.format(Locale.ROOT, "Execution time: %.3f ms, peak memory: %s%n", totalNanos / 1e6,
                bytes(peakMemoryBytes)));
        return text.toString();
    }

    private String annotation(PhysicalNode node) {
        NodeStatistics statistics = statistics(node);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "actual rows=%d, time=%.3f ms (wall %.3f ms)",
                statistics.rows(), statistics.cpuNanos() / 1e6, statistics.wallNanos() / 1e6));
        long memory = statistics.peakMemoryBytes();
        if (memory > 0) {
            text.append(", peak memory=").append(bytes(memory));
        }
        long spilled = statistics.spilledBytes();
        if (spilled > 0) {
            text.append(", spilled=").append(bytes(spilled)).append(" (").append(statistics.spilledRows()).append(" rows)");
        }
        ScanCounters scan = statistics.scan();
        if (scan != null) {
            text.append(String.format(Locale.ROOT, ", segments read=%d of %d, blocks read=%d, rows skipped by zone maps=%d",
                    scan.segments() - scan.segmentsSkipped(), scan.segments(), scan.blocksRead(), scan.rowsSkippedByZoneMaps()));
            if (scan.rowsFilteredOnDictionary() > 0) {
                text.append(", rows filtered on dictionary codes=").append(scan.rowsFilteredOnDictionary());
            }
            if (scan.rowsRemovedByJoinFilters() > 0) {
                text.append(", rows removed by join filters=").append(scan.rowsRemovedByJoinFilters());
            }
        }
        return text.toString();
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
