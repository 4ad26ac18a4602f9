package io.basalt.optimizer.statistics;

import io.basalt.optimizer.catalog.BasaltTable;
import io.basalt.storage.commit.TableEntry;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The statistics one planning run uses: each table's asked of the {@link StatisticsSource} once, then kept for
 * the run (metadata handlers ask many times). Travels in the planner's context, so metadata handlers find it
 * through the cluster of the expression they are asked about. One planning run is one thread.
 */
public final class QueryStatistics {

    private static final QueryStatistics NONE = new QueryStatistics(StatisticsSource.NONE);

    private final StatisticsSource source;
    private final Map<TableEntry, Optional<TableColumnStatistics>> tables = new IdentityHashMap<>();

    public QueryStatistics(StatisticsSource source) {
        this.source = source;
    }

    /** The statistics of the planning run {@code cluster} belongs to (none if it carries none). */
    public static QueryStatistics of(RelOptCluster cluster) {
        QueryStatistics statistics = cluster.getPlanner().getContext().unwrap(QueryStatistics.class);
        return statistics == null ? NONE : statistics;
    }

    public Optional<TableColumnStatistics> of(TableEntry table) {
        return tables.computeIfAbsent(table, source::statistics);
    }

    /** The statistics of a Basalt table, empty for other tables or when none are known. */
    public Optional<TableColumnStatistics> of(RelOptTable table) {
        BasaltTable basalt = table.unwrap(BasaltTable.class);
        return basalt == null ? Optional.empty() : of(basalt.entry());
    }
}
