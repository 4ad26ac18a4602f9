package io.basalt.storage.commit;

import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.table.TableReader;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/** A two-column table of longs (key, value) and ways to fill and read it, shared by the commit tests. */
final class TestTables {

    private TestTables() {
    }

    static long createKeyValueTable(StorageEngine engine, String name, int targetSegmentRows) {
        try (Transaction transaction = engine.begin()) {
            long id = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, name,
                    List.of(ColumnDefinition.notNull("key", LogicalType.BIGINT), ColumnDefinition.of("value", LogicalType.BIGINT)),
                    List.of(), TableOptions.DEFAULT.withTargetSegmentRows(targetSegmentRows)));
            transaction.commit();
            return id;
        }
    }

    static ColumnBatch keyValues(long firstKey, int rows, long value) {
        LongVector keys = new LongVector(rows);
        LongVector values = new LongVector(rows);
        for (int i = 0; i < rows; i++) {
            keys.append(firstKey + i);
            values.append(value);
        }
        return new ColumnBatch(rows, List.of(keys, values));
    }

    static void append(Transaction transaction, long tableId, ColumnBatch... batches) {
        TableAppender appender = new TableAppender(transaction, tableId);
        for (ColumnBatch batch : batches) {
            appender.append(batch);
        }
        appender.finish();
    }

    /** All (key, value) pairs of a version, in table order. */
    static List<long[]> rows(StorageEngine engine, Manifest manifest, long tableId) {
        List<long[]> rows = new ArrayList<>();
        TableReader.scan(engine.layout(), manifest, tableId, new int[] {0, 1}, batch -> {
            LongVector keys = (LongVector) batch.column(0);
            LongVector values = (LongVector) batch.column(1);
            for (int i = 0; i < batch.rowCount(); i++) {
                rows.add(new long[] {keys.get(i), values.isNull(i) ? Long.MIN_VALUE : values.get(i)});
            }
        });
        return rows;
    }

    /** Deletes the rows with these keys, through deletion vectors, in {@code transaction}. */
    static void deleteKeys(StorageEngine engine, Transaction transaction, long tableId, java.util.Set<Long> keys) {
        TableEntry table = transaction.requireTable(tableId);
        for (PartitionEntry partition : table.partitions()) {
            for (SegmentEntry segment : partition.segments()) {
                List<Long> positions = new ArrayList<>();
                long[] position = {0};
                TableReader.scanSegment(engine.layout(), tableId, partition.partitionId(),
                        SegmentEntry.of(segment.segmentId(), segment.rowCount(), segment.byteSize()), new int[] {0}, batch -> {
                            LongVector column = (LongVector) batch.column(0);
                            for (int i = 0; i < batch.rowCount(); i++) {
                                if (keys.contains(column.get(i))) {
                                    positions.add(position[0]);
                                }
                                position[0]++;
                            }
                        });
                if (!positions.isEmpty()) {
                    transaction.deleteRows(tableId, segment.segmentId(), io.basalt.storage.deletion.DeletionVector.of(
                            segment.rowCount(), positions.stream().mapToLong(Long::longValue).toArray()));
                }
            }
        }
    }

    static long sumOfValues(StorageEngine engine, Manifest manifest, long tableId) {
        return rows(engine, manifest, tableId).stream().mapToLong(r -> r[1]).sum();
    }
}
