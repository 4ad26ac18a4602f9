/**
 * Column statistics from storage metadata: every segment footer holds per-column zone maps and a distinct-count
 * sketch; {@link io.basalt.optimizer.statistics.SegmentStatisticsCache} reads each footer once, and merges them
 * into per-table {@link io.basalt.optimizer.statistics.ColumnStatistics} (range, null fraction, distinct values)
 * for the planner's selectivities and distinct counts.
 */
package io.basalt.optimizer.statistics;
