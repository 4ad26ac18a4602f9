package io.basalt.optimizer.catalog;

import io.basalt.optimizer.catalog.SystemTableRows.ColumnType;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;

/**
 * Basalt's own system tables about storage, from the manifest alone: one row per segment with its rows and bytes.
 * (Encodings per column live in segment footers; reading every footer for a catalog query is left for later.)
 */
final class StorageTables {

    private StorageTables() {
    }

    static SystemTableRows segments(Manifest catalog) {
        SystemTableRows table = new SystemTableRows().column("table_schema", ColumnType.TEXT)
                .column("table_name", ColumnType.TEXT).column("partition_id", ColumnType.BIGINT)
                .column("segment_id", ColumnType.BIGINT).column("row_count", ColumnType.BIGINT)
                .column("deleted_rows", ColumnType.BIGINT).column("byte_size", ColumnType.BIGINT);
        for (TableEntry entry : catalog.tables().values()) {
            for (PartitionEntry partition : entry.partitions()) {
                for (SegmentEntry segment : partition.segments()) {
                    table.row(entry.definition().schema(), entry.definition().name(), partition.partitionId(),
                            segment.segmentId(), segment.rowCount(), segment.deletedRows(), segment.byteSize());
                }
            }
        }
        return table;
    }
}
