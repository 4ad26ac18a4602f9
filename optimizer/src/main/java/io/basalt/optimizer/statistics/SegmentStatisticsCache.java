package io.basalt.optimizer.statistics;

import io.basalt.storage.DataLayout;
import io.basalt.storage.StorageException;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.segment.SegmentReader;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Column statistics of a data directory's tables, read from segment footers and kept in memory. Segments are
 * immutable and their ids never reused, so a footer is read once per process: a new manifest version that only
 * appended segments reads just the new footers, and the merged statistics of a table are kept for the newest
 * set of segments planned against (one entry per table, so memory follows the live tables: a summary is about
 * 1 KiB per column and segment). Nothing is stored on disk: the footers are the durable source, and reading them
 * again after a restart costs one small read per segment. {@link #refresh} (ANALYZE) reads a table's footers
 * again.
 *
 * <p>A segment whose footer cannot be read (a test catalog with invented segments, a file swept by vacuum under
 * an old snapshot) leaves its table without statistics: the planner then falls back to constraints and guesses.
 * Thread-safe; planning of different tables never waits on each other.
 */
public final class SegmentStatisticsCache implements StatisticsSource {

    private final DataLayout layout;
    private final Map<Long, TableCache> tables = new ConcurrentHashMap<>();

    public SegmentStatisticsCache(DataLayout layout) {
        this.layout = layout;
    }

    @Override
    public Optional<TableColumnStatistics> statistics(TableEntry table) {
        return tables.computeIfAbsent(table.tableId(), id -> new TableCache()).statistics(table, false);
    }

    /** Reads every footer of the table again and recomputes its statistics (ANALYZE). */
    public Optional<TableColumnStatistics> refresh(TableEntry table) {
        return tables.computeIfAbsent(table.tableId(), id -> new TableCache()).statistics(table, true);
    }

    /** One table's summaries by segment id and its newest merged statistics. */
    private final class TableCache {

        private Map<Long, SegmentSummary> summaries = Map.of();
        private long[] mergedFor;
        private Optional<TableColumnStatistics> merged = Optional.empty();

        synchronized Optional<TableColumnStatistics> statistics(TableEntry table, boolean reread) {
            long[] version = versionOf(table);
            if (!reread && mergedFor != null && Arrays.equals(mergedFor, version)) {
                return merged;
            }
            Map<Long, SegmentSummary> current = new HashMap<>();
            boolean complete = true;
            for (PartitionEntry partition : table.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    SegmentSummary summary = reread ? null : summaries.get(segment.segmentId());
                    if (summary == null) {
                        summary = read(table.tableId(), partition.partitionId(), segment);
                    }
                    if (summary == null || summary.zoneMaps().size() != table.definition().columns().size()) {
                        complete = false;
                        continue;
                    }
                    current.put(segment.segmentId(), summary);
                }
            }
            summaries = current;
            mergedFor = version;
            merged = complete ? Optional.of(TableStatisticsMerger.merge(table, current)) : Optional.empty();
            return merged;
        }

        private SegmentSummary read(long tableId, long partitionId, SegmentEntry segment) {
            try (SegmentReader reader = SegmentReader.open(layout.segmentFile(tableId, partitionId, segment.segmentId()))) {
                return SegmentSummary.of(segment.segmentId(), reader.footer());
            } catch (StorageException | UncheckedIOException e) {
                return null;
            }
        }
    }

    /** What identifies a table's data in a version: its segments and their deletion vectors. */
    private static long[] versionOf(TableEntry table) {
        return table.allSegments().stream()
                .flatMapToLong(segment -> java.util.stream.LongStream.of(segment.segmentId(),
                        segment.deletionVectorId().orElse(-1L)))
                .toArray();
    }
}
