package io.basalt.storage.commit;

import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.TableDefinition;

import java.util.ArrayList;
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
                         long lastRewriteVersion, long lastAppendVersion, long identityPositions,
                         List<IndexData> indexData) {

    public TableEntry {
        partitions = List.copyOf(partitions);
        indexData = List.copyOf(indexData);
        if (partitions.isEmpty()) {
            throw new IllegalArgumentException("table " + definition.qualifiedName() + " has no partition");
        }
        if (identityPositions < 0) {
            throw new IllegalArgumentException("table " + definition.qualifiedName() + " has a negative identity counter");
        }
    }

    /** A table without index data. */
    public TableEntry(long tableId, TableDefinition definition, List<PartitionEntry> partitions, long lastRewriteVersion,
                      long lastAppendVersion, long identityPositions) {
        this(tableId, definition, partitions, lastRewriteVersion, lastAppendVersion, identityPositions, List.of());
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

    /** The stored data of an index of this table, if it has been built and still reflects the table's rows. */
    public Optional<IndexData> freshIndexData(long indexId) {
        return indexData.stream().filter(data -> data.indexId() == indexId && data.isFreshFor(this)).findFirst();
    }

    /** The new definition keeps the data of the indexes it still has (DROP INDEX, DROP COLUMN drop the others). */
    TableEntry withDefinition(TableDefinition newDefinition) {
        List<IndexData> kept = indexData.stream()
                .filter(data -> newDefinition.indexes().stream().anyMatch(index -> index.indexId() == data.indexId()))
                .toList();
        return new TableEntry(tableId, newDefinition, partitions, lastRewriteVersion, lastAppendVersion, identityPositions,
                kept);
    }

    TableEntry withPartitions(List<PartitionEntry> newPartitions) {
        return new TableEntry(tableId, definition, newPartitions, lastRewriteVersion, lastAppendVersion, identityPositions,
                indexData);
    }

    TableEntry withLastRewriteVersion(long version) {
        return new TableEntry(tableId, definition, partitions, version, lastAppendVersion, identityPositions, indexData);
    }

    TableEntry withLastAppendVersion(long version) {
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, version, identityPositions, indexData);
    }

    /** Never moves the counter back: positions other transactions committed stay used. */
    TableEntry withIdentityPositionsAtLeast(long positions) {
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, lastAppendVersion,
                Math.max(identityPositions, positions), indexData);
    }

    /** Replaces the data of {@code data}'s index; ignored when the index is gone (dropped concurrently). */
    TableEntry withIndexData(IndexData data) {
        if (definition.indexes().stream().noneMatch(index -> index.indexId() == data.indexId())) {
            return this;
        }
        List<IndexData> replaced = new ArrayList<>();
        indexData.stream().filter(existing -> existing.indexId() != data.indexId()).forEach(replaced::add);
        replaced.add(data);
        return new TableEntry(tableId, definition, partitions, lastRewriteVersion, lastAppendVersion, identityPositions,
                replaced);
    }
}
