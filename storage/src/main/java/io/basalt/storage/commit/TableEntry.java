package io.basalt.storage.commit;

import io.basalt.storage.catalog.TableDefinition;

import java.util.List;
import java.util.Optional;

/**
 * A table in one manifest version: its definition, its partitions and the version that last changed its
 * existing rows (deletes, updates, compaction), which is what commit-time conflict detection compares.
 */
public record TableEntry(long tableId, TableDefinition definition, List<PartitionEntry> partitions,
                         long lastRewriteVersion) {

    public TableEntry {
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("table " + definition.qualifiedName() + " has no partition");
        }
    }

    public long rowCount() {
        long rows = 0;
        for (PartitionEntry partition : partitions) {
            rows += partition.rowCount();
        }
        return rows;
    }

    public Optional<PartitionEntry> partition(long partitionId) {
        return partitions.stream().filter(p -> p.partitionId() == partitionId).findFirst();
    }

    /** The partition an unpartitioned table writes to. */
    public PartitionEntry defaultPartition() {
        return partitions.get(0);
    }

    public List<SegmentEntry> allSegments() {
        return partitions.stream().flatMap(p -> p.segments().stream()).toList();
    }

    TableEntry withDefinition(TableDefinition newDefinition) {
        return new TableEntry(tableId, newDefinition, partitions, lastRewriteVersion);
    }

    TableEntry withPartitions(List<PartitionEntry> newPartitions) {
        return new TableEntry(tableId, definition, newPartitions, lastRewriteVersion);
    }

    TableEntry withLastRewriteVersion(long version) {
        return new TableEntry(tableId, definition, partitions, version);
    }
}
