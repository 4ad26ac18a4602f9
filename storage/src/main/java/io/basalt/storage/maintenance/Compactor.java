package io.basalt.storage.maintenance;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.table.TableReader;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Merges a partition's small segments, and rewrites segments whose deletion vectors hide many rows, into
 * full-size segments holding only live rows. Readers of older versions keep reading the old files until
 * vacuum removes them. A delete that races a compaction of the same table makes one of them fail with a
 * serialization error rather than lose the delete.
 */
public final class Compactor {

    /** A segment below this fraction of the target size counts as small. */
    static final double SMALL_SEGMENT_FRACTION = 0.5;
    /** A segment with at least this fraction of rows deleted is rewritten even if large. */
    static final double DELETED_FRACTION = 0.2;

    private Compactor() {
    }

    public record CompactionResult(int segmentsRemoved, int segmentsWritten, long rowsRewritten) {
    }

    public static CompactionResult compact(StorageEngine engine, long tableId) {
        try (Transaction transaction = engine.begin()) {
            TableEntry table = transaction.requireTable(tableId);
            long target = table.definition().options().targetSegmentRows();
            int removed = 0;
            int written = 0;
            long rows = 0;
            int[] allColumns = java.util.stream.IntStream.range(0, table.definition().columns().size()).toArray();
            for (PartitionEntry partition : table.partitions()) {
                List<SegmentEntry> candidates = partition.segments().stream()
                        .filter(s -> s.liveRows() < target * SMALL_SEGMENT_FRACTION || s.deletedRows() >= s.rowCount() * DELETED_FRACTION)
                        .toList();
                boolean worthIt = candidates.size() >= 2 || candidates.stream().anyMatch(s -> s.deletedRows() > 0);
                if (!worthIt) {
                    continue;
                }
                Set<Long> replaced = new LinkedHashSet<>();
                List<SegmentEntry> added;
                try (TableAppender appender = new TableAppender(transaction, tableId, partition.partitionId(),
                        Runtime.getRuntime().availableProcessors())) {
                    for (SegmentEntry segment : candidates) {
                        TableReader.scanSegment(engine.layout(), tableId, partition.partitionId(), segment, allColumns,
                                appender::append);
                        replaced.add(segment.segmentId());
                    }
                    rows += appender.rowsAppended();
                    added = appender.finishWithoutPublishing();
                }
                transaction.replaceSegments(tableId, partition.partitionId(), replaced, added);
                removed += replaced.size();
                written += added.size();
            }
            if (transaction.hasChanges()) {
                transaction.commit();
            }
            return new CompactionResult(removed, written, rows);
        }
    }
}
