package io.basalt.optimizer.statistics;

import io.basalt.storage.commit.TableEntry;

import java.util.Optional;

/**
 * Where the planner gets column statistics. {@link #NONE} knows nothing (planning then uses row counts,
 * constraints and guesses); a database's planner uses a {@link SegmentStatisticsCache} over its data directory.
 */
public interface StatisticsSource {

    StatisticsSource NONE = table -> Optional.empty();

    /** Statistics of the table as this manifest entry describes it, or empty when they cannot be had. */
    Optional<TableColumnStatistics> statistics(TableEntry table);
}
