package io.basalt.execution;

import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateTest {

    private static final LogicalType AMOUNT = LogicalType.decimal(12, 2);
    private static final LogicalType BIG = LogicalType.decimal(30, 2);
    private static final LogicalType SUM_DECIMAL = LogicalType.decimal(38, 2);

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table sales;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        sales = database.create("sales", 10_000,
                ColumnDefinition.of("region", LogicalType.TEXT),      // 0
                ColumnDefinition.of("store", LogicalType.BIGINT),     // 1
                ColumnDefinition.of("flag", LogicalType.BOOLEAN),     // 2
                ColumnDefinition.of("qty", LogicalType.BIGINT),       // 3
                ColumnDefinition.of("amount", AMOUNT),                // 4
                ColumnDefinition.of("price", LogicalType.DOUBLE),     // 5
                ColumnDefinition.of("big", BIG));                     // 6
        Random random = new Random(7);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            String region = random.nextInt(15) == 0 ? null : "region-" + random.nextInt(40);
            Long store = random.nextInt(20) == 0 ? null : (long) random.nextInt(300);
            Boolean flag = random.nextInt(9) == 0 ? null : random.nextBoolean();
            Long qty = random.nextInt(12) == 0 ? null : (long) random.nextInt(50) - 10;
            Long amount = random.nextInt(10) == 0 ? null : (long) random.nextInt(2_000_000) - 500_000;
            Double price = random.nextInt(11) == 0 ? null : random.nextInt(4000) / 4.0 - 100;
            BigInteger big = random.nextInt(13) == 0 ? null
                    : BigInteger.valueOf(random.nextLong()).multiply(BigInteger.valueOf(1_000_000_007L));
            rows.add(row(region, store, flag, qty, amount, price, big));
        }
        sales.append(rows);
        sales.delete(row -> row.get(3) != null && (Long) row.get(3) == 13L);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static AggregateCall call(AggregateFunction function, LogicalType type, String name, int... arguments) {
        return new AggregateCall(function, arguments, false, -1, type, name);
    }

    private static AggregateCall distinct(AggregateFunction function, LogicalType type, String name, int... arguments) {
        return new AggregateCall(function, arguments, true, -1, type, name);
    }

    private static AggregateCall filtered(AggregateFunction function, LogicalType type, int filter, String name, int... arguments) {
        return new AggregateCall(function, arguments, false, filter, type, name);
    }

    private static List<AggregateCall> everyAggregate() {
        return List.of(
                call(AggregateFunction.COUNT_STAR, LogicalType.BIGINT, "count_star"),
                call(AggregateFunction.COUNT, LogicalType.BIGINT, "count_qty", 3),
                call(AggregateFunction.COUNT, LogicalType.BIGINT, "count_pair", 3, 0),
                call(AggregateFunction.SUM, LogicalType.BIGINT, "sum_qty", 3),
                call(AggregateFunction.SUM, SUM_DECIMAL, "sum_amount", 4),
                call(AggregateFunction.SUM, SUM_DECIMAL, "sum_big", 6),
                call(AggregateFunction.SUM, LogicalType.DOUBLE, "sum_price", 5),
                call(AggregateFunction.MIN, LogicalType.BIGINT, "min_qty", 3),
                call(AggregateFunction.MAX, AMOUNT, "max_amount", 4),
                call(AggregateFunction.MIN, LogicalType.DOUBLE, "min_price", 5),
                call(AggregateFunction.MAX, LogicalType.TEXT, "max_region", 0),
                call(AggregateFunction.MIN, LogicalType.TEXT, "min_region", 0),
                call(AggregateFunction.MIN, BIG, "min_big", 6),
                call(AggregateFunction.MAX, BIG, "max_big", 6),
                call(AggregateFunction.MIN, LogicalType.BOOLEAN, "min_flag", 2),
                call(AggregateFunction.MAX, LogicalType.BOOLEAN, "max_flag", 2),
                call(AggregateFunction.AVG, LogicalType.DOUBLE, "avg_price", 5),
                call(AggregateFunction.AVG, LogicalType.DOUBLE, "avg_qty", 3),
                call(AggregateFunction.AVG, LogicalType.decimal(18, 4), "avg_amount", 4),
                call(AggregateFunction.AVG, LogicalType.decimal(38, 3), "avg_big", 6),
                call(AggregateFunction.AVG, LogicalType.BIGINT, "avg_qty_int", 3),
                distinct(AggregateFunction.COUNT, LogicalType.BIGINT, "distinct_qty", 3),
                distinct(AggregateFunction.SUM, LogicalType.BIGINT, "distinct_sum_qty", 3),
                distinct(AggregateFunction.COUNT, LogicalType.BIGINT, "distinct_region", 0),
                distinct(AggregateFunction.AVG, LogicalType.decimal(18, 2), "distinct_avg_amount", 4),
                distinct(AggregateFunction.MAX, LogicalType.BIGINT, "distinct_max_qty", 3),
                filtered(AggregateFunction.COUNT_STAR, LogicalType.BIGINT, 2, "count_flagged"),
                filtered(AggregateFunction.SUM, SUM_DECIMAL, 2, "sum_flagged_amount", 4),
                new AggregateCall(AggregateFunction.COUNT, new int[] {1}, true, 2, LogicalType.BIGINT, "distinct_flagged_store"));
    }

    private AggregateNode aggregate(PhysicalNode input, int[] keys, List<AggregateCall> calls) {
        List<Column> output = new ArrayList<>();
        for (int key : keys) {
            output.add(input.output().get(key));
        }
        for (AggregateCall call : calls) {
            output.add(Plans.column(call.name(), call.type()));
        }
        return new AggregateNode(input, keys, calls, output, 100);
    }

    private List<List<Object>> expected(List<List<Object>> rows, int[] keys, List<AggregateCall> calls) {
        return ReferenceAggregation.aggregate(rows, keys, calls, sales.output(0, 1, 2, 3, 4, 5, 6).stream().map(Column::type).toList());
    }

    private void check(int[] keys, List<AggregateCall> calls) {
        AggregateNode node = aggregate(sales.scan(0, 1, 2, 3, 4, 5, 6), keys, calls);
        List<List<Object>> expected = Results.sorted(expected(sales.rows(), keys, calls));
        for (int parallelism : new int[] {1, 4}) {
            List<List<Object>> actual = Results.collect(QueryExecutor.execute(node, database.context(parallelism)));
            assertThat(Results.sorted(actual)).as("group by %s, parallelism %d", java.util.Arrays.toString(keys), parallelism)
                    .isEqualTo(expected);
        }
    }

    @Test
    void groupsByOneLongKeyWithNulls() {
        check(new int[] {1}, everyAggregate());
    }

    @Test
    void groupsByAStringKey() {
        check(new int[] {0}, everyAggregate());
    }

    @Test
    void groupsBySeveralKeysOfDifferentTypes() {
        check(new int[] {0, 2, 1}, everyAggregate());
        check(new int[] {6}, List.of(call(AggregateFunction.COUNT_STAR, LogicalType.BIGINT, "n")));
        check(new int[] {5, 4}, List.of(call(AggregateFunction.SUM, LogicalType.BIGINT, "q", 3)));
    }

    @Test
    void withoutKeysGivesOneRow() {
        check(new int[0], everyAggregate());
    }

    /**
     * Columns without NULLs in a table without deletions: the scan hands on whole encoded blocks, decoded into arrays
     * its batch scope lends (recycled, and overwritten when a scope closes while these tests run), and sums of one group
     * run in registers. Results must be the reference's, with and without keys, serially and in parallel.
     */
    @Test
    void wholeBlocksWithoutNullsSumInOneGroupAndInMany() {
        TestDatabase.Table readings = database.create("readings", 7_000,
                ColumnDefinition.of("sensor", LogicalType.BIGINT),
                ColumnDefinition.of("reading", LogicalType.decimal(18, 0)),
                ColumnDefinition.of("amount", AMOUNT));
        Random random = new Random(9);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // every tenth near the top of DECIMAL(18, 0): a block's sum passes a long's range
            long reading = random.nextInt(10) == 0 ? 999_999_999_999_999_999L - random.nextInt(1000) : random.nextInt(100_000);
            rows.add(row((long) random.nextInt(3), reading, (long) random.nextInt(2_000_000) - 500_000));
        }
        readings.append(rows);
        List<AggregateCall> calls = List.of(
                call(AggregateFunction.SUM, LogicalType.decimal(38, 0), "sum_reading", 1),
                call(AggregateFunction.SUM, SUM_DECIMAL, "sum_amount", 2),
                call(AggregateFunction.COUNT_STAR, LogicalType.BIGINT, "rows"),
                call(AggregateFunction.MAX, LogicalType.decimal(18, 0), "max_reading", 1));
        List<LogicalType> types = readings.output(0, 1, 2).stream().map(Column::type).toList();
        for (int[] keys : new int[][] {{}, {0}}) {
            List<Column> output = new ArrayList<>();
            for (int key : keys) {
                output.add(readings.output(0, 1, 2).get(key));
            }
            for (AggregateCall aggregateCall : calls) {
                output.add(Plans.column(aggregateCall.name(), aggregateCall.type()));
            }
            AggregateNode node = new AggregateNode(readings.scan(0, 1, 2), keys, calls, output, 100);
            List<List<Object>> expected = Results.sorted(ReferenceAggregation.aggregate(rows, keys, calls, types));
            for (int parallelism : new int[] {1, 2}) {
                assertThat(Results.sorted(Results.collect(QueryExecutor.execute(node, database.context(parallelism)))))
                        .as("keys %s, parallelism %d", java.util.Arrays.toString(keys), parallelism)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void emptyInputGivesOneRowWithoutKeysAndNoRowWithKeys() {
        ValuesNode empty = new ValuesNode(sales.output(0, 1, 2, 3, 4, 5, 6), List.of());
        List<AggregateCall> calls = everyAggregate();

        List<List<Object>> global = Results.collect(QueryExecutor.execute(aggregate(empty, new int[0], calls), database.context(2)));
        List<List<Object>> grouped = Results.collect(QueryExecutor.execute(aggregate(empty, new int[] {0}, calls), database.context(2)));

        assertThat(global).isEqualTo(expected(List.of(), new int[0], calls));
        assertThat(global.get(0).get(0)).isEqualTo(0L);
        assertThat(global.get(0).get(4)).isNull();
        assertThat(grouped).isEmpty();
    }

    @Test
    void doubleKeysGroupNegativeZeroWithZeroAndNaNWithNaN() {
        List<Column> columns = List.of(Plans.column("d", LogicalType.DOUBLE));
        ValuesNode values = new ValuesNode(columns, List.of(row(0.0), row(-0.0), row(Double.NaN), row(Double.NaN), row(1.5),
                row((Object) null), row((Object) null)));
        AggregateNode node = new AggregateNode(values, new int[] {0},
                List.of(call(AggregateFunction.COUNT_STAR, LogicalType.BIGINT, "n")),
                List.of(columns.get(0), Plans.column("n", LogicalType.BIGINT)), 4);

        List<List<Object>> rows = Results.collect(QueryExecutor.execute(node, database.context(1)));

        assertThat(rows).hasSize(4);
        assertThat(rows.stream().map(r -> r.get(1)).toList()).containsExactlyInAnyOrder(2L, 2L, 1L, 2L);
    }

    @Test
    void bigintSumOverflowFails() {
        List<Column> columns = List.of(Plans.column("v", LogicalType.BIGINT));
        ValuesNode values = new ValuesNode(columns, List.of(row(Long.MAX_VALUE - 5), row(10L)));
        AggregateNode node = new AggregateNode(values, new int[0], List.of(call(AggregateFunction.SUM, LogicalType.BIGINT, "s", 0)),
                List.of(Plans.column("s", LogicalType.BIGINT)), 1);

        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(node, database.context(2))))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("22003"));
    }

    @Test
    void decimalSumIsExactBeyondSixtyFourBitsAndChecksPrecision() {
        LogicalType wide = LogicalType.decimal(38, 0);
        List<Column> columns = List.of(Plans.column("v", LogicalType.decimal(18, 0)), Plans.column("w", wide));
        BigInteger nearLimit = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(row(999_999_999_999_999_999L, i == 0 ? nearLimit : BigInteger.ZERO));
        }
        ValuesNode values = new ValuesNode(columns, rows);
        AggregateNode exact = new AggregateNode(values, new int[0], List.of(call(AggregateFunction.SUM, wide, "s", 0)),
                List.of(Plans.column("s", wide)), 1);
        AggregateNode overflowing = new AggregateNode(new ValuesNode(columns, List.of(row(1L, nearLimit), row(1L, BigInteger.ONE))),
                new int[0], List.of(call(AggregateFunction.SUM, wide, "s", 1)), List.of(Plans.column("s", wide)), 1);

        assertThat(Results.collect(QueryExecutor.execute(exact, database.context(1))))
                .containsExactly(row(BigInteger.valueOf(999_999_999_999_999_999L).multiply(BigInteger.valueOf(100))));
        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(overflowing, database.context(1))))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("22003"));
    }

    @Test
    void averageOfDecimalsRoundsHalfAwayFromZero() {
        List<Column> columns = List.of(Plans.column("g", LogicalType.BIGINT), Plans.column("v", LogicalType.decimal(5, 1)));
        ValuesNode values = new ValuesNode(columns, List.of(row(1L, 10L), row(1L, 15L), row(2L, -10L), row(2L, -15L)));
        AggregateNode node = new AggregateNode(values, new int[] {0},
                List.of(call(AggregateFunction.AVG, LogicalType.decimal(6, 1), "a", 1)),
                List.of(columns.get(0), Plans.column("a", LogicalType.decimal(6, 1))), 2);

        // 1.25 → 1.3 and -1.25 → -1.3
        assertThat(Results.sorted(Results.collect(QueryExecutor.execute(node, database.context(1)))))
                .containsExactly(row(1L, 13L), row(2L, -13L));
    }

    @Test
    void singleValueIsTheValueOfTheOnlyRowAndASecondRowFails() {
        List<Column> columns = List.of(Plans.column("g", LogicalType.BIGINT), Plans.column("v", LogicalType.TEXT));
        List<Column> output = List.of(columns.get(0), Plans.column("s", LogicalType.TEXT));
        List<AggregateCall> calls = List.of(call(AggregateFunction.SINGLE_VALUE, LogicalType.TEXT, "s", 1));
        ValuesNode single = new ValuesNode(columns, List.of(row(1L, "a"), row(2L, null)));
        ValuesNode twoNulls = new ValuesNode(columns, List.of(row(1L, "a"), row(2L, null), row(2L, null)));

        for (int parallelism : new int[] {1, 4}) {
            assertThat(Results.sorted(Results.collect(QueryExecutor.execute(new AggregateNode(single, new int[] {0}, calls,
                    output, 2), database.context(parallelism))))).containsExactly(row(1L, "a"), row(2L, null));
            // Two rows are one too many even when both are NULL.
            assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(new AggregateNode(twoNulls, new int[] {0}, calls,
                    output, 2), database.context(parallelism))))
                    .isInstanceOf(ExecutionException.class)
                    .hasMessage("more than one row returned by a subquery used as an expression")
                    .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("21000"));
        }
        ValuesNode none = new ValuesNode(columns, List.of());
        assertThat(Results.collect(QueryExecutor.execute(new AggregateNode(none, new int[0], calls,
                List.of(output.get(1)), 1), database.context(1)))).containsExactly(row((Object) null));
    }

    @Test
    void unsupportedAggregateFailsWithFeatureNotSupported() {
        List<Column> columns = List.of(Plans.column("d", LogicalType.DATE));
        ValuesNode values = new ValuesNode(columns, List.of(row(1L)));
        AggregateNode node = new AggregateNode(values, new int[0], List.of(call(AggregateFunction.SUM, LogicalType.DATE, "s", 0)),
                List.of(Plans.column("s", LogicalType.DATE)), 1);

        assertThatThrownBy(() -> QueryExecutor.execute(node, database.context(1)))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("not supported yet")
                .satisfies(e -> assertThat(((ExecutionException) e).sqlState()).isEqualTo("0A000"));
    }
}
