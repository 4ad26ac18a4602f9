package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Expression;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.TableScanNode;
import io.basalt.execution.profile.QueryProfile;
import io.basalt.execution.scan.ScanCounters;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.commit.PartitionEntry;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableScanTest {

    private static final int ROWS = 250_000;

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table table;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        table = database.create("items", 100_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT),
                ColumnDefinition.of("flag", LogicalType.BOOLEAN),
                ColumnDefinition.of("name", LogicalType.TEXT),
                ColumnDefinition.of("amount", LogicalType.decimal(12, 2)),
                ColumnDefinition.of("price", LogicalType.DOUBLE),
                ColumnDefinition.of("big", LogicalType.decimal(30, 3)));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            Boolean flag = id % 1000 == 999 ? null : id >= 120_000 && id < 130_000;
            String name = id % 11 == 0 ? null : "name-" + (id % 5000);
            Long amount = id % 13 == 0 ? null : id * 7 - 100_000;
            Double price = id % 17 == 0 ? null : id / 3.0;
            BigInteger big = id % 19 == 0 ? null : BigInteger.valueOf(id).pow(3).negate();
            rows.add(Results.row(id, flag, name, amount, price, big));
        }
        table.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void readsLiveRowsOfChosenColumnsInTableOrder(int parallelism) {
        table.delete(row -> (Long) row.get(0) % 7 == 0 || (Long) row.get(0) >= 240_000);

        TableScanNode scan = table.scan(2, 0, 5, 3, 4, 1);
        List<List<Object>> rows = Results.collect(QueryExecutor.execute(scan, database.context(parallelism)));

        assertThat(rows).hasSize(table.rows().size()).isEqualTo(table.rows(2, 0, 5, 3, 4, 1));
    }

    @Test
    void scanWithoutColumnsCountsLiveRows() {
        table.delete(row -> (Long) row.get(0) % 3 == 0);

        List<List<Object>> rows = Results.collect(QueryExecutor.execute(table.scan(), database.context(4)));

        assertThat(rows).hasSize(table.rows().size());
        assertThat(rows).allSatisfy(row -> assertThat(row).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void pushedFilterKeepsTrueRowsOnly(int parallelism) {
        table.delete(row -> (Long) row.get(0) % 5 == 0);
        ColumnReference flag = new ColumnReference(1, LogicalType.BOOLEAN);

        List<List<Object>> rows = Results.collect(QueryExecutor.execute(table.scan(flag, 0, 1, 2), database.context(parallelism)));

        List<List<Object>> expected = table.rows(0, 1, 2).stream().filter(row -> Boolean.TRUE.equals(row.get(1))).toList();
        assertThat(expected).hasSizeGreaterThan(5_000);
        assertThat(rows).isEqualTo(expected);
    }

    @Test
    void zoneMapsSkipSegmentsAndBlocksThatCannotMatch() {
        ColumnReference flag = new ColumnReference(1, LogicalType.BOOLEAN);

        QueryProfile filtered = QueryExecutor.profile(table.scan(flag, 0, 1, 2, 3), database.context(2));
        QueryProfile full = QueryExecutor.profile(table.scan(0, 1, 2, 3), database.context(2));

        TableScanNode filteredScan = (TableScanNode) filtered.plan();
        ScanCounters skipping = filtered.statistics(filteredScan).scan();
        ScanCounters reading = full.statistics(full.plan()).scan();
        assertThat(filtered.statistics(filteredScan).rows()).isEqualTo(10_000 - 10);
        assertThat(skipping.segments()).isEqualTo(3);
        assertThat(skipping.segmentsSkipped()).isEqualTo(2); // flag is never TRUE in the first and last segment
        // The middle segment's second flag block (rows 65,536..99,999 of the segment) is all FALSE.
        assertThat(skipping.rowsSkippedByZoneMaps()).isEqualTo(100_000 + (100_000 - 65_536) + 50_000);
        assertThat(reading.segmentsSkipped()).isZero();
        assertThat(reading.rowsSkippedByZoneMaps()).isZero();
        assertThat(skipping.blocksRead()).isLessThan(reading.blocksRead() / 4);
        assertThat(skipping.rowsRead()).isEqualTo(65_536);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void filtersOnOneTextColumnAreDecidedByDictionaryCode(int parallelism) {
        table.delete(row -> (Long) row.get(0) % 4 == 0);
        ColumnReference name = new ColumnReference(1, LogicalType.TEXT);
        Expression inList = Call.of(Function.IN, LogicalType.BOOLEAN, name,
                new Literal("name-7", LogicalType.TEXT), new Literal("name-4321", LogicalType.TEXT));
        Expression isNull = Call.of(Function.IS_NULL, LogicalType.BOOLEAN, name);

        List<List<Object>> members = Results.collect(QueryExecutor.execute(table.scan(inList, 0, 2), database.context(parallelism)));
        QueryProfile profile = QueryExecutor.profile(table.scan(inList, 0, 2), database.context(parallelism));
        List<List<Object>> nulls = Results.collect(QueryExecutor.execute(table.scan(isNull, 0, 2), database.context(parallelism)));

        assertThat(members).isEqualTo(table.rows(0, 2).stream()
                .filter(row -> "name-7".equals(row.get(1)) || "name-4321".equals(row.get(1))).toList());
        assertThat(profile.statistics(profile.plan()).scan().rowsFilteredOnDictionary()).isGreaterThan(100_000);
        assertThat(nulls).isEqualTo(table.rows(0, 2).stream().filter(row -> row.get(1) == null).toList());
    }

    /**
     * A scan whose filter reads columns it does not output ({@link TableScanNode#filterOnly}: the read columns are the
     * output ones, then those): its batches carry the output columns only, with the rows the filter keeps. The filter
     * has a range (amount), a dictionary test (name) and a two-column rest (price and id).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void columnsOnlyTheFilterReadsAreNotOutput(int parallelism) {
        table.delete(row -> (Long) row.get(0) % 4 == 0);
        // Read columns: id, flag (output); amount, name, price (filter only).
        int[] columns = {0, 1, 3, 2, 4};
        ColumnReference id = new ColumnReference(0, LogicalType.BIGINT);
        ColumnReference amount = new ColumnReference(2, LogicalType.decimal(12, 2));
        ColumnReference name = new ColumnReference(3, LogicalType.TEXT);
        ColumnReference price = new ColumnReference(4, LogicalType.DOUBLE);
        Expression filter = Call.of(Function.AND, LogicalType.BOOLEAN,
                Call.of(Function.GREATER_THAN, LogicalType.BOOLEAN, amount, new Literal(100_000L, LogicalType.decimal(12, 2))),
                Call.of(Function.NOT_EQUAL, LogicalType.BOOLEAN, name, new Literal("name-1", LogicalType.TEXT)),
                Call.of(Function.OR, LogicalType.BOOLEAN,
                        Call.of(Function.GREATER_THAN, LogicalType.BOOLEAN, price, new Literal(60_000.0, LogicalType.DOUBLE)),
                        Call.of(Function.LESS_THAN, LogicalType.BOOLEAN, id, new Literal(40_000L, LogicalType.BIGINT))));
        TableScanNode all = table.scan(filter, columns);
        TableScanNode scan = new TableScanNode(all.schema(), all.table(), all.tableId(), columns,
                all.output().subList(0, 2), all.filter(), all.estimatedRows(), Optional.empty(), all.output().subList(2, 5));

        List<List<Object>> rows = new ArrayList<>();
        try (ResultStream stream = QueryExecutor.execute(scan, database.context(parallelism))) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                assertThat(batch.columnCount()).isEqualTo(2);
                rows.addAll(Results.rows(batch));
            }
        }

        List<List<Object>> expected = table.rows(0, 1, 3, 2, 4).stream()
                .filter(row -> row.get(2) != null && (Long) row.get(2) > 100_000L)
                .filter(row -> row.get(3) != null && !"name-1".equals(row.get(3)))
                .filter(row -> row.get(4) != null && (Double) row.get(4) > 60_000.0 || (Long) row.get(0) < 40_000)
                .map(row -> row.subList(0, 2))
                .toList();
        assertThat(expected).hasSizeGreaterThan(10_000);
        assertThat(rows).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void oneColumnConjunctsNarrowTheRowsBeforeTheRestOfTheFilter(int parallelism) {
        table.delete(row -> (Long) row.get(0) % 6 == 0);
        ColumnReference id = new ColumnReference(0, LogicalType.BIGINT);
        ColumnReference flag = new ColumnReference(1, LogicalType.BOOLEAN);
        ColumnReference name = new ColumnReference(2, LogicalType.TEXT);
        ColumnReference price = new ColumnReference(3, LogicalType.DOUBLE);
        // name: dictionary code sets; price: compared at the rows name kept; the OR reads two columns (the rest).
        Expression inList = Call.of(Function.IN, LogicalType.BOOLEAN, name,
                new Literal("name-7", LogicalType.TEXT), new Literal("name-4321", LogicalType.TEXT));
        Expression expensive = Call.of(Function.GREATER_THAN, LogicalType.BOOLEAN, price, new Literal(1000.0, LogicalType.DOUBLE));
        Expression flagOrLate = Call.of(Function.OR, LogicalType.BOOLEAN, Call.of(Function.IS_NULL, LogicalType.BOOLEAN, flag),
                Call.of(Function.GREATER_THAN, LogicalType.BOOLEAN, id, new Literal(200_000L, LogicalType.BIGINT)));
        // Divides by zero where id % 5000 = 8 (name-8, which the IN list drops): it can fail, so it must not run first.
        Expression divisor = Call.of(Function.SUBTRACT, LogicalType.BIGINT,
                Call.of(Function.MODULO, LogicalType.BIGINT, id, new Literal(5000L, LogicalType.BIGINT)), new Literal(8L, LogicalType.BIGINT));
        Expression failsOnDroppedRows = Call.of(Function.NOT_EQUAL, LogicalType.BOOLEAN,
                Call.of(Function.DIVIDE, LogicalType.BIGINT, new Literal(10L, LogicalType.BIGINT), divisor), new Literal(999L, LogicalType.BIGINT));
        Expression filter = Call.of(Function.AND, LogicalType.BOOLEAN, inList, expensive, flagOrLate, failsOnDroppedRows);

        List<List<Object>> rows = Results.collect(QueryExecutor.execute(table.scan(filter, 0, 1, 2, 4), database.context(parallelism)));
        QueryProfile profile = QueryExecutor.profile(table.scan(filter, 0, 1, 2, 4), database.context(parallelism));

        List<List<Object>> expected = table.rows(0, 1, 2, 4).stream()
                .filter(row -> "name-7".equals(row.get(2)) || "name-4321".equals(row.get(2)))
                .filter(row -> row.get(3) != null && (Double) row.get(3) > 1000.0)
                .filter(row -> row.get(1) == null || (Long) row.get(0) > 200_000)
                .toList();
        assertThat(expected).hasSizeGreaterThan(10);
        assertThat(rows).isEqualTo(expected);
        assertThat(profile.statistics(profile.plan()).scan().rowsFilteredOnDictionary()).isGreaterThan(100_000);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void blocksInsideARangeOrWhoseEveryEntryPassesKeepTheirRowsWithoutAComparison(int parallelism) {
        TestDatabase.Table shipments = database.create("shipments", 100_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT), ColumnDefinition.notNull("mode", LogicalType.TEXT),
                ColumnDefinition.notNull("day", LogicalType.BIGINT));
        String[] modes = {"air", "mail", "ship"};
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 200_000; id++) {
            // No "air" in the first 70,000 rows: the first block's dictionary passes whole.
            String mode = id < 70_000 ? modes[1 + (int) (id % 2)] : modes[(int) (id % 3)];
            rows.add(Results.row(id, mode, id / 10));
        }
        shipments.append(rows);
        shipments.delete(row -> (Long) row.get(0) % 9 == 0);
        ColumnReference id = new ColumnReference(0, LogicalType.BIGINT);
        ColumnReference mode = new ColumnReference(1, LogicalType.TEXT);
        ColumnReference day = new ColumnReference(2, LogicalType.BIGINT);
        // id's range holds whole blocks (65,536..99,999 and 100,000..165,535) and cuts others.
        Expression filter = Call.of(Function.AND, LogicalType.BOOLEAN,
                Call.of(Function.GREATER_THAN_OR_EQUAL, LogicalType.BOOLEAN, id, new Literal(1_000L, LogicalType.BIGINT)),
                Call.of(Function.LESS_THAN, LogicalType.BOOLEAN, id, new Literal(180_000L, LogicalType.BIGINT)),
                Call.of(Function.IN, LogicalType.BOOLEAN, mode, new Literal("mail", LogicalType.TEXT),
                        new Literal("ship", LogicalType.TEXT)),
                Call.of(Function.NOT_EQUAL, LogicalType.BOOLEAN,
                        Call.of(Function.MODULO, LogicalType.BIGINT, day, new Literal(7L, LogicalType.BIGINT)),
                        new Literal(3L, LogicalType.BIGINT)));

        List<List<Object>> result = Results.collect(QueryExecutor.execute(shipments.scan(filter, 0, 1, 2),
                database.context(parallelism)));

        List<List<Object>> expected = shipments.rows(0, 1, 2).stream()
                .filter(row -> (Long) row.get(0) >= 1_000 && (Long) row.get(0) < 180_000)
                .filter(row -> !"air".equals(row.get(1)))
                .filter(row -> (Long) row.get(2) % 7 != 3)
                .toList();
        assertThat(expected).hasSizeGreaterThan(100_000);
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void aValueThatFailsTheFilterOnlyInADeletedRowRaisesNoError() {
        TestDatabase.Table codes = database.create("codes", 100_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT), ColumnDefinition.of("code", LogicalType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 20_000; id++) {
            rows.add(Results.row(id, id == 777 ? "not a number" : String.valueOf(id % 50)));
        }
        codes.append(rows);
        codes.delete(row -> (Long) row.get(0) == 777);
        Expression asNumber = Call.of(Function.CAST, LogicalType.INTEGER, new ColumnReference(1, LogicalType.TEXT));
        Expression aboveFortyFive = Call.of(Function.GREATER_THAN, LogicalType.BOOLEAN, asNumber,
                new Literal(45L, LogicalType.INTEGER));

        List<List<Object>> result = Results.collect(QueryExecutor.execute(codes.scan(aboveFortyFive, 0, 1), database.context(2)));

        assertThat(result).hasSize(20_000 / 50 * 4);
    }

    @Test
    void constantFiltersKeepAllOrNothing() {
        Literal alwaysTrue = new Literal(true, LogicalType.BOOLEAN);
        Literal alwaysFalse = new Literal(false, LogicalType.BOOLEAN);
        Literal unknown = Literal.nullOf(LogicalType.BOOLEAN);

        assertThat(Results.collect(QueryExecutor.execute(table.scan(alwaysTrue, 0), database.context(3)))).hasSize(ROWS);
        assertThat(Results.collect(QueryExecutor.execute(table.scan(alwaysFalse, 0), database.context(3)))).isEmpty();
        assertThat(Results.collect(QueryExecutor.execute(table.scan(unknown, 0), database.context(3)))).isEmpty();
        assertThat(Results.collect(QueryExecutor.execute(table.scan(alwaysFalse), database.context(3)))).isEmpty();
        assertThat(Results.collect(QueryExecutor.execute(table.scan(alwaysTrue), database.context(3)))).hasSize(ROWS);
    }

    @Test
    void aCorruptSegmentFailsTheQueryWithStoragesSqlState() throws Exception {
        PartitionEntry partition = database.engine().current().table(table.id).orElseThrow().defaultPartition();
        Path file = database.engine().layout().segmentFile(table.id, partition.partitionId(),
                partition.segments().get(1).segmentId());
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < 200; i++) {
            bytes[i] ^= 0x5A;
        }
        Files.write(file, bytes);

        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(table.scan(0, 2), database.context(4))))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("corrupted data")
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("XX001"));
    }

    @Test
    void aFullyDeletedSegmentIsNotRead() {
        table.delete(row -> (Long) row.get(0) < 100_000);

        QueryProfile profile = QueryExecutor.profile(table.scan(0), database.context(2));

        ScanCounters counters = profile.statistics(profile.plan()).scan();
        assertThat(counters.segmentsSkipped()).isEqualTo(1);
        assertThat(profile.statistics(profile.plan()).rows()).isEqualTo(150_000);
    }
}
