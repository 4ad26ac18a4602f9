package io.basalt.storage.commit;

import io.basalt.storage.CorruptDataException;
import io.basalt.storage.StorageEngine;
import io.basalt.storage.StorageException;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.catalog.Constraint;
import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.catalog.TableOptions;
import io.basalt.storage.compress.Compression;
import io.basalt.storage.deletion.DeletionVector;
import io.basalt.storage.maintenance.Compactor;
import io.basalt.storage.table.TableAppender;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.basalt.storage.commit.TestTables.append;
import static io.basalt.storage.commit.TestTables.createKeyValueTable;
import static io.basalt.storage.commit.TestTables.keyValues;
import static io.basalt.storage.commit.TestTables.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionTest {

    @TempDir
    Path directory;

    @Test
    void catalogSurvivesReopenWithEveryDetail() {
        TableDefinition definition = new TableDefinition("sales", "orders",
                List.of(ColumnDefinition.notNull("id", LogicalType.BIGINT),
                        ColumnDefinition.of("amount", LogicalType.decimal(38, 4)).withDefault("0"),
                        ColumnDefinition.of("note", LogicalType.varchar(80)).withCompression(Compression.ZSTD),
                        ColumnDefinition.of("customer", LogicalType.INTEGER)),
                List.of(new Constraint.PrimaryKey("orders_pk", List.of("id")),
                        new Constraint.Unique("orders_note_key", List.of("note")),
                        new Constraint.ForeignKey("orders_customer_fk", List.of("customer"), "sales", "customers", List.of("id"))),
                new TableOptions(Compression.ZSTD, 5000));
        try (StorageEngine engine = StorageEngine.open(directory)) {
            try (Transaction transaction = engine.begin()) {
                transaction.createSchema("sales");
                transaction.createTable(definition);
                transaction.commit();
            }
        }
        try (StorageEngine engine = StorageEngine.open(directory)) {
            TableEntry table = engine.current().table("sales", "orders").orElseThrow();
            assertThat(table.definition()).isEqualTo(definition);
            assertThat(table.partitions()).hasSize(1);
            assertThat(engine.current().schemas()).containsExactly("main", "sales");
        }
    }

    @Test
    void uncommittedChangesAreInvisibleAndRollbackDeletesTheirFiles() throws IOException {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 100);
            Transaction transaction = engine.begin();
            append(transaction, table, keyValues(0, 250, 1));
            assertThat(rows(engine, transaction.view(), table)).hasSize(250);
            assertThat(rows(engine, engine.current(), table)).isEmpty();
            assertThat(segmentFiles()).hasSize(3);
            transaction.rollback();
            assertThat(segmentFiles()).isEmpty();
            assertThat(rows(engine, engine.current(), table)).isEmpty();
        }
    }

    @Test
    void appendsCutSegmentsAtTheTargetSizeInArrivalOrder() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 700, 1), keyValues(700, 700, 1), keyValues(1400, 1700, 1));
                transaction.commit();
            }
            TableEntry entry = engine.current().table(table).orElseThrow();
            assertThat(entry.allSegments()).extracting(SegmentEntry::rowCount).containsExactly(1000L, 1000L, 1000L, 100L);
            List<long[]> rows = rows(engine, engine.current(), table);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i)[0]).isEqualTo(i);
            }
        }
    }

    @Test
    void concurrentAppendsToOneTableBothLand() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            Transaction first = engine.begin();
            Transaction second = engine.begin();
            append(first, table, keyValues(0, 10, 1));
            append(second, table, keyValues(10, 10, 1));
            first.commit();
            second.commit();
            assertThat(rows(engine, engine.current(), table)).hasSize(20);
        }
    }

    @Test
    void concurrentDeletesOfOneTableFailTheLaterCommitter() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 10, 1));
                transaction.commit();
            }
            long segment = engine.current().table(table).orElseThrow().allSegments().get(0).segmentId();
            Transaction first = engine.begin();
            Transaction second = engine.begin();
            first.deleteRows(table, segment, DeletionVector.of(10, 1));
            second.deleteRows(table, segment, DeletionVector.of(10, 2));
            first.commit();
            assertThatThrownBy(second::commit)
                    .isInstanceOf(SerializationConflictException.class)
                    .hasMessageContaining("could not serialize access")
                    .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("40001");
            assertThat(rows(engine, engine.current(), table)).extracting(r -> r[0])
                    .containsExactly(0L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
    }

    @Test
    void deletesAccumulateAndOldVersionsStayReadable() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 100, 1));
                transaction.commit();
            }
            Snapshot before = engine.snapshot();
            long segment = engine.current().table(table).orElseThrow().allSegments().get(0).segmentId();
            for (long key : new long[] {5, 50, 99}) {
                try (Transaction transaction = engine.begin()) {
                    transaction.deleteRows(table, segment, DeletionVector.of(100, key));
                    transaction.commit();
                }
            }
            assertThat(rows(engine, engine.current(), table)).hasSize(97).noneMatch(r -> r[0] == 5 || r[0] == 50 || r[0] == 99);
            assertThat(engine.current().table(table).orElseThrow().allSegments().get(0).deletedRows()).isEqualTo(3);
            assertThat(rows(engine, before.manifest(), table)).hasSize(100);
            engine.vacuum(1);
            assertThat(rows(engine, before.manifest(), table)).as("a pinned version survives vacuum").hasSize(100);
            before.close();
            engine.vacuum(1);
            assertThatThrownBy(() -> engine.snapshotAt(before.version())).isInstanceOf(StorageException.class)
                    .hasMessageContaining("not available");
        }
    }

    @Test
    void timeTravelReadsAnOlderVersion() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            long version;
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 10, 1));
                version = transaction.commit().version();
            }
            try (Transaction transaction = engine.begin()) {
                transaction.truncate(table);
                transaction.commit();
            }
            assertThat(rows(engine, engine.current(), table)).isEmpty();
            try (Snapshot old = engine.snapshotAt(version)) {
                assertThat(rows(engine, old.manifest(), table)).hasSize(10);
            }
        }
    }

    @Test
    void compactionMergesSmallSegmentsAndDropsDeletedRows() throws IOException {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            for (int i = 0; i < 10; i++) {
                try (Transaction transaction = engine.begin()) {
                    append(transaction, table, keyValues(i * 50L, 50, i));
                    transaction.commit();
                }
            }
            long firstSegment = engine.current().table(table).orElseThrow().allSegments().get(0).segmentId();
            try (Transaction transaction = engine.begin()) {
                transaction.deleteRows(table, firstSegment, DeletionVector.of(50, 0, 1, 2));
                transaction.commit();
            }
            List<long[]> before = rows(engine, engine.current(), table);
            Compactor.CompactionResult result = Compactor.compact(engine, table);
            assertThat(result.segmentsRemoved()).isEqualTo(10);
            assertThat(result.segmentsWritten()).isEqualTo(1);
            assertThat(engine.current().table(table).orElseThrow().allSegments()).singleElement()
                    .satisfies(s -> assertThat(s.rowCount()).isEqualTo(497));
            assertThat(rows(engine, engine.current(), table)).usingRecursiveFieldByFieldElementComparator().isEqualTo(before);
            engine.vacuum(1);
            assertThat(segmentFiles()).hasSize(1);
            assertThat(Files.list(directory.resolve("catalog")).count()).isEqualTo(1);
        }
    }

    @Test
    void notNullAndLengthAndRangeAreEnforcedOnAppend() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table;
            try (Transaction transaction = engine.begin()) {
                table = transaction.createTable(TableDefinition.of("main", "people", List.of(
                        ColumnDefinition.notNull("id", LogicalType.SMALLINT), ColumnDefinition.of("name", LogicalType.varchar(3)))));
                transaction.commit();
            }
            try (Transaction transaction = engine.begin(); TableAppender appender = new TableAppender(transaction, table)) {
                LongVector ids = new LongVector(1);
                ids.appendNull();
                BytesVector names = new BytesVector(1, 8);
                names.append("ab");
                assertThatThrownBy(() -> appender.append(new ColumnBatch(1, List.of(ids, names))))
                        .hasMessageContaining("null value in column \"id\"")
                        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("23502");
                LongVector bigIds = new LongVector(1);
                bigIds.append(40_000);
                assertThatThrownBy(() -> appender.append(new ColumnBatch(1, List.of(bigIds, names))))
                        .hasMessageContaining("out of range for type SMALLINT");
                LongVector okIds = new LongVector(1);
                okIds.append(1);
                BytesVector longName = new BytesVector(1, 8);
                longName.append("日本語x");
                assertThatThrownBy(() -> appender.append(new ColumnBatch(1, List.of(okIds, longName))))
                        .hasMessageContaining("value too long for type VARCHAR(3)");
                BytesVector fits = new BytesVector(1, 12);
                fits.append("日本語");
                appender.append(new ColumnBatch(1, List.of(okIds, fits)));
            }
        }
    }

    @Test
    void ddlErrorsNameTheObject() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            createKeyValueTable(engine, "t", 10);
            try (Transaction transaction = engine.begin()) {
                assertThatThrownBy(() -> createKeyValueTableIn(transaction, "t"))
                        .hasMessageContaining("table main.t already exists")
                        .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("42P07");
                assertThatThrownBy(() -> transaction.createSchema("main")).hasMessageContaining("schema main already exists");
                assertThatThrownBy(() -> transaction.dropSchema("main")).hasMessageContaining("is not empty");
                assertThatThrownBy(() -> transaction.createTable(TableDefinition.of("nowhere", "x",
                        List.of(ColumnDefinition.of("a", LogicalType.INTEGER))))).hasMessageContaining("schema nowhere does not exist");
            }
        }
    }

    @Test
    void aConcurrentlyCreatedTableOfTheSameNameFailsTheLaterCommit() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            Transaction first = engine.begin();
            Transaction second = engine.begin();
            createKeyValueTableIn(first, "t");
            createKeyValueTableIn(second, "t");
            first.commit();
            assertThatThrownBy(second::commit).hasMessageContaining("already exists");
            assertThat(engine.current().tables()).hasSize(1);
        }
    }

    @Test
    void anAppendWrittenBeforeAConcurrentAlterTableOfItsColumnsFailsToCommit() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long tableId = createKeyValueTable(engine, "t", 100);
            Transaction appender = engine.begin();
            append(appender, tableId, keyValues(0, 10, 1));
            try (Transaction alter = engine.begin()) {
                TableDefinition definition = alter.requireTable(tableId).definition();
                List<ColumnDefinition> columns = new java.util.ArrayList<>(definition.columns());
                columns.add(ColumnDefinition.of("extra", LogicalType.INTEGER));
                alter.alterTable(tableId, new TableDefinition(definition.schema(), definition.name(), columns,
                        definition.constraints(), definition.options()));
                alter.commit();
            }
            assertThatThrownBy(appender::commit).isInstanceOf(SerializationConflictException.class)
                    .hasMessageContaining("its columns were altered");
            assertThat(engine.current().table(tableId).orElseThrow().rowCount()).isZero();
        }
    }

    @Test
    void aSecondOpenerGetsAClearError() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            assertThatThrownBy(() -> StorageEngine.open(directory))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("is already open in another process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        StorageEngine.open(directory).close();
    }

    @Test
    void aCorruptManifestIsReportedWithItsFileName() throws IOException {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            createKeyValueTable(engine, "t", 10);
        }
        Path newest;
        try (Stream<Path> files = Files.list(directory.resolve("catalog"))) {
            newest = files.sorted().reduce((a, b) -> b).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(newest, bytes);
        assertThatThrownBy(() -> StorageEngine.open(directory))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(newest.getFileName().toString())
                .hasMessageContaining("checksum");
        // The failed open released the lock: after repair (here: removing the bad version) it opens again.
        Files.delete(newest);
        StorageEngine.open(directory).close();
    }

    @Test
    void aCorruptDeletionVectorIsReportedNotIgnored() throws IOException {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            long table = createKeyValueTable(engine, "t", 1000);
            try (Transaction transaction = engine.begin()) {
                append(transaction, table, keyValues(0, 100, 1));
                transaction.commit();
            }
            long segment = engine.current().table(table).orElseThrow().allSegments().get(0).segmentId();
            try (Transaction transaction = engine.begin()) {
                transaction.deleteRows(table, segment, DeletionVector.of(100, 7));
                transaction.commit();
            }
            Path deletionVector;
            try (Stream<Path> files = Files.walk(directory.resolve("tables"))) {
                deletionVector = files.filter(f -> f.toString().endsWith(".del")).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(deletionVector);
            bytes[20] ^= 0x01; // a bitmap word: would silently resurrect or delete a row if unchecked
            Files.write(deletionVector, bytes);
            assertThatThrownBy(() -> rows(engine, engine.current(), table))
                    .isInstanceOf(CorruptDataException.class)
                    .hasMessageContaining(deletionVector.getFileName().toString())
                    .extracting(e -> ((StorageException) e).sqlState()).isEqualTo("XX001");
        }
    }

    @Test
    void leftoverFilesFromACrashAreSweptOnOpen() throws IOException {
        long table;
        try (StorageEngine engine = StorageEngine.open(directory)) {
            table = createKeyValueTable(engine, "t", 10);
            Transaction abandoned = engine.begin();
            append(abandoned, table, keyValues(0, 25, 1));
            // no commit and no rollback: as if the process died here
        }
        Files.writeString(directory.resolve("catalog").resolve("manifest-00000000000000000009.bin.tmp"), "partial");
        assertThat(segmentFiles()).hasSize(3);
        try (StorageEngine engine = StorageEngine.open(directory)) {
            assertThat(segmentFiles()).isEmpty();
            assertThat(Files.list(directory.resolve("catalog")).map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp"));
            assertThat(rows(engine, engine.current(), table)).isEmpty();
        }
    }

    @Test
    void aFinishedTransactionRefusesMoreWork() {
        try (StorageEngine engine = StorageEngine.open(directory)) {
            Transaction transaction = engine.begin();
            transaction.createSchema("s");
            transaction.commit();
            assertThatThrownBy(() -> transaction.createSchema("t")).hasMessageContaining("already committed");
            assertThat(engine.current().hasSchema("s")).isTrue();
            assertThat(Optional.of(engine.current().version())).contains(1L);
        }
    }

    private static void createKeyValueTableIn(Transaction transaction, String name) {
        transaction.createTable(TableDefinition.of(Manifest.DEFAULT_SCHEMA, name,
                List.of(ColumnDefinition.of("key", LogicalType.BIGINT))));
    }

    private List<Path> segmentFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory.resolve("tables"))) {
            return files.filter(f -> f.toString().endsWith(".seg")).toList();
        }
    }
}
