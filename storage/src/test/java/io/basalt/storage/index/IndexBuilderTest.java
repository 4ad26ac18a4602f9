package io.basalt.storage.index;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.IndexDefinition;
import io.basalt.storage.catalog.IndexKey;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.commit.IndexData;
import io.basalt.storage.commit.Manifest;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.commit.SegmentEntry;
import io.basalt.storage.commit.TableEntry;
import io.basalt.storage.commit.Transaction;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.segment.BlockInfo;
import io.basalt.storage.segment.LongZoneMap;
import io.basalt.storage.segment.SegmentReader;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexBuilderTest {

    private static final IndexDefinition BY_KEY_DESC_THEN_NAME = new IndexDefinition(1_000, "t_k_name", false,
            List.of(new IndexKey("k", true), new IndexKey("name", false)), List.of("v"));

    @TempDir
    Path directory;

    @Test
    void rowsAreSortedByTheKeysWithNullsAsTheLargestValueAndKeepTheirIdentity() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = createTable(engine);
            IndexData data = buildIndex(engine, tableId);

            List<String> rows = indexRows(engine, tableId, data);
            // k DESC puts NULL first; name ASC puts NULL last; equal keys keep table order.
            assertThat(rows).containsExactly("null a 5", "3 b 2", "3 b 7", "3 null 4", "2 a 3", "1 a 1", "1 c 6");
            Manifest current = engine.current();
            TableEntry table = current.table(tableId).orElseThrow();
            assertThat(table.freshIndexData(BY_KEY_DESC_THEN_NAME.indexId())).contains(data);
            assertThat(data.rowCount()).isEqualTo(7);
        }
    }

    @Test
    void theLeadingKeysZoneMapsAreDisjointBlockBoundaries() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = createTable(engine);
            int rows = 200_000;
            try (Transaction transaction = engine.begin()) {
                LongVector keys = new LongVector(rows);
                BytesVector names = new BytesVector(rows, rows);
                LongVector values = new LongVector(rows);
                for (int i = 0; i < rows; i++) {
                    keys.append((i * 7919L) % rows); // every key once, out of order
                    names.append("n");
                    values.append(i);
                }
                append(transaction, tableId, new ColumnBatch(rows, List.of(keys, names, values)));
                transaction.commit();
            }
            IndexData data = buildIndex(engine, tableId);
            try (SegmentReader reader = SegmentReader.open(engine.layout().indexSegmentFile(tableId,
                    BY_KEY_DESC_THEN_NAME.indexId(), data.segmentId()))) {
                List<BlockInfo> blocks = reader.footer().blocks(0);
                assertThat(blocks).hasSizeGreaterThan(1);
                long previousMin = Long.MAX_VALUE;
                for (BlockInfo block : blocks) {
                    LongZoneMap zone = (LongZoneMap) block.zoneMap();
                    if (!zone.hasValues()) {
                        continue; // the NULL keys of the fixture sort first (DESC)
                    }
                    assertThat(zone.max()).isLessThan(previousMin);
                    previousMin = zone.min();
                }
            }
        }
    }

    @Test
    void changedRowsMakeTheDataStaleUntilMaintenanceRebuildsIt() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = createTable(engine);
            buildIndex(engine, tableId);
            try (Transaction transaction = engine.begin()) {
                SegmentEntry segment = transaction.requireTable(tableId).allSegments().get(0);
                transaction.deleteRows(tableId, segment.segmentId(), DeletionVector.of(segment.rowCount(), 1, 4)); // rows v = 2 and 5
                assertThat(transaction.requireTable(tableId).freshIndexData(BY_KEY_DESC_THEN_NAME.indexId())).isEmpty();
                assertThat(IndexMaintenance.refreshStale(transaction)).isEqualTo(1);
                assertThat(IndexMaintenance.refreshStale(transaction)).isZero();
                transaction.commit();
            }
            IndexData rebuilt = engine.current().table(tableId).orElseThrow()
                    .freshIndexData(BY_KEY_DESC_THEN_NAME.indexId()).orElseThrow();
            assertThat(indexRows(engine, tableId, rebuilt)).containsExactly("3 b 7", "3 null 4", "2 a 3", "1 a 1", "1 c 6");
        }
    }

    @Test
    void indexDataSurvivesReopeningAndTheSweep() {
        IndexData data;
        long tableId;
        try (StorageEngine engine = StorageEngine.open(directory)) {
            tableId = createTable(engine);
            data = buildIndex(engine, tableId);
        }
        try (StorageEngine engine = StorageEngine.open(directory)) {
            assertThat(engine.current().table(tableId).orElseThrow().freshIndexData(BY_KEY_DESC_THEN_NAME.indexId()))
                    .contains(data);
            assertThat(indexRows(engine, tableId, data)).hasSize(7);
        }
    }

    @Test
    void aDamagedIndexFileIsReportedAsCorrupt() throws IOException {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = createTable(engine);
            IndexData data = buildIndex(engine, tableId);
            Path file = engine.layout().indexSegmentFile(tableId, BY_KEY_DESC_THEN_NAME.indexId(), data.segmentId());
            BlockInfo block;
            try (SegmentReader reader = SegmentReader.open(file)) {
                block = reader.footer().blocks(0).get(0);
            }
            try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
                long position = block.fileOffset() + block.storedLength() / 2;
                raw.seek(position);
                int value = raw.read();
                raw.seek(position);
                raw.write(value ^ 0x5A);
            }
            assertThatThrownBy(() -> indexRows(engine, tableId, data)).isInstanceOf(CorruptDataException.class)
                    .extracting(e -> ((CorruptDataException) e).sqlState()).isEqualTo("XX001");
        }
    }

    /** k BIGINT, name TEXT, v BIGINT with NULLs and duplicate keys; v numbers the rows 1..7 in table order. */
    private static long createTable(StorageEngine engine) {
        try (Transaction transaction = engine.begin()) {
            long tableId = transaction.createTable(new TableDefinition(Manifest.DEFAULT_SCHEMA, "t", List.of(
                    ColumnDefinition.of("k", LogicalType.BIGINT), ColumnDefinition.of("name", LogicalType.TEXT),
                    ColumnDefinition.of("v", LogicalType.BIGINT)), List.of(), TableOptions.DEFAULT,
                    List.of(BY_KEY_DESC_THEN_NAME)));
            Long[] keys = {1L, 3L, 2L, 3L, null, 1L, 3L};
            String[] names = {"a", "b", "a", null, "a", "c", "b"};
            LongVector k = new LongVector(keys.length);
            BytesVector name = new BytesVector(keys.length, 16);
            LongVector v = new LongVector(keys.length);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == null) {
                    k.appendNull();
                } else {
                    k.append(keys[i]);
                }
                if (names[i] == null) {
                    name.appendNull();
                } else {
                    name.append(names[i]);
                }
                v.append(i + 1);
            }
            append(transaction, tableId, new ColumnBatch(keys.length, List.of(k, name, v)));
            transaction.commit();
            return tableId;
        }
    }

    private static void append(Transaction transaction, long tableId, ColumnBatch batch) {
        TableAppender appender = new TableAppender(transaction, tableId);
        appender.append(batch);
        appender.finish();
    }

    private static IndexData buildIndex(StorageEngine engine, long tableId) {
        try (Transaction transaction = engine.begin()) {
            IndexData data = IndexBuilder.build(transaction, tableId, BY_KEY_DESC_THEN_NAME);
            transaction.commit();
            return data;
        }
    }

    /** The index's rows as "k name v", v looked up through each row's identity in the table. */
    private static List<String> indexRows(StorageEngine engine, long tableId, IndexData data) {
        TableEntry table = engine.current().table(tableId).orElseThrow();
        PartitionEntry partition = table.defaultPartition();
        List<String> rows = new ArrayList<>();
        try (SegmentReader index = SegmentReader.open(engine.layout().indexSegmentFile(tableId,
                BY_KEY_DESC_THEN_NAME.indexId(), data.segmentId()))) {
            LongVector keys = (LongVector) index.readColumn(0);
            BytesVector names = (BytesVector) index.readColumn(1);
            LongVector values = (LongVector) index.readColumn(2);
            LongVector identities = (LongVector) index.readColumn(3);
            for (int row = 0; row < index.footer().rowCount(); row++) {
                long identity = identities.get(row);
                try (SegmentReader stored = SegmentReader.open(engine.layout().segmentFile(tableId,
                        partition.partitionId(), identity >>> 32))) {
                    long storedValue = ((LongVector) stored.readColumn(2)).get((int) identity);
                    assertThat(storedValue).as("row identity points at the indexed row").isEqualTo(values.get(row));
                }
                rows.add((keys.isNull(row) ? "null" : Long.toString(keys.get(row))) + " "
                        + (names.isNull(row) ? "null" : names.getString(row)) + " " + values.get(row));
            }
        }
        return rows;
    }
}
