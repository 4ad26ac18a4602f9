package io.basalt.storage.commit;

import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;

import java.util.List;
import java.util.Optional;

/**
 * A table in one manifest version: its definition, its partitions, the version that last changed its existing
 * rows (deletes, updates, compaction) and the version that last added rows, which is what commit-time conflict
 * detection compares, and how many identity positions were handed out (see {@link #identityPositions}).
 *
 * @param lastAppendVersion the version that last appended rows; a table with a unique key refuses a commit that
 *                          appends to it when another transaction appended since the committing one began
 * @param identityPositions identity positions handed out to committed transactions so far: the next transaction
 *                          starts after it (see {@link io.basalt.storage.catalog.Identity})
 */
public record TableEntry(long tableId, TableDefinition definition, List<PartitionEntry> partitions,
                         long lastRewriteVersion, long lastAppendVersion, long identityPositions) {

    public TableEntry {
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("table " + definition.qualifiedName() + " has no partition");
        }
        if (identityPositions < 0) {
            throw new IllegalArgumentException("table " + definition.qualifiedName() + " has a negative identity counter");
        }
    }

    /** A table that never appended rows nor handed out identity values. */
    public TableEntry(long tableId, TableDefinition definition, List<PartitionEntry> partitions, long lastRewriteVersion) {
        this(tableId, definition, partitions, lastRewriteVersion, 0, 0);
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

    /**
     * Whether the table has a PRIMARY KEY or UNIQUE constraint or a UNIQUE index, whose values concurrent appends
     * could duplicate.
     */
    public boolean hasUniqueKey() {
        return definition.constraints().stream().anyMatch(c -> !(c instanceof Constraint.ForeignKey))
                || definition.indexes().stream().anyMatch(IndexDefinition::unique);
    }

    TableEntry withDefinition(TableDefinition newDefinition) {
        return new TableEntry(tableId, newDefinition, partitions, lastRewriteVersion, lastAppendVersion, identityPositions);
    }

    TableEntry withPartitions(List<PartitionEntry> newPartitions) {
        return new TableEntry(tableId, definition, newPartitions, lastRewriteVersion, lastAppendVersion, identityPositions);
    }

    TableEntry withLastRewriteVersion(long version) {
        return new TableEntry(tableId, definition, partitions, version, lastAppendVersion, identityPositions);
    }

    TableEntry withLastAppendVersion(long version) {
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, version, identityPositions);
    }

    /** Never moves the counter back: positions other transactions committed stay used. */
    TableEntry withIdentityPositionsAtLeast(long positions) {
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, lastAppendVersion,
                Math.max(identityPositions, positions));
    }
}
