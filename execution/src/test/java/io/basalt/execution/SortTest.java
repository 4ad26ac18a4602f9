package io.basalt.execution;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.SortNode;
import io.basalt.execution.profile.QueryProfile;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortTest {

    /** A budget far below what the table's 40,000 rows take in memory (about 2.5 MB), so sorts spill. */
    private static final long SPILLING_MEMORY = 600_000;

    private static final String[] WORDS = {"apple", "Apple", "banana", "é", "\uFFFD", "\uD834\uDD1E", "", "zz", "a b"};

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table table;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        table = database.create("things", 8_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT),        // 0
                ColumnDefinition.of("a", LogicalType.INTEGER),             // 1
                ColumnDefinition.of("s", LogicalType.TEXT),                // 2
                ColumnDefinition.of("d", LogicalType.DOUBLE),              // 3
                ColumnDefinition.of("b", LogicalType.BOOLEAN),             // 4
                ColumnDefinition.of("dec", LogicalType.decimal(30, 2)));   // 5
        Random random = new Random(3);
        double[] doubles = {0.0, -0.0, Double.NaN, 1.5, -2.25, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 40_000; id++) {
            Long a = random.nextInt(10) == 0 ? null : (long) random.nextInt(200) - 100;
            String s = random.nextInt(10) == 0 ? null : WORDS[random.nextInt(WORDS.length)] + random.nextInt(3);
            Double d = random.nextInt(10) == 0 ? null : random.nextInt(3) == 0 ? doubles[random.nextInt(doubles.length)]
                    : random.nextInt(1000) / 8.0;
            Boolean b = random.nextInt(10) == 0 ? null : random.nextBoolean();
            BigInteger dec = random.nextInt(10) == 0 ? null : BigInteger.valueOf(random.nextInt(100) - 50).shiftLeft(70);
            rows.add(row(id, a, s, d, b, dec));
        }
        table.append(rows);
        table.delete(row -> (Long) row.get(0) % 9 == 4);
    }

    @AfterEach
    void close() {
        database.close();
    }


    private static final List<List<SortKey>> KEY_LISTS = List.of(
            List.of(new SortKey(1, true, false), new SortKey(0, true, false)),
            List.of(new SortKey(2, false, true), new SortKey(0, false, false)),
            List.of(new SortKey(3, true, true), new SortKey(0, true, true)),
            List.of(new SortKey(4, false, false), new SortKey(5, true, true), new SortKey(0, true, false)),
            List.of(new SortKey(5, false, false), new SortKey(2, true, false), new SortKey(0, false, true)));

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.collect(QueryExecutor.execute(plan, database.context(parallelism)));
    }

    @Test
    void sortsByEveryKindOfKeyInBothDirectionsWithNullsFirstOrLast() {
        for (List<SortKey> keys : KEY_LISTS) {
            SortNode sort = new SortNode(table.scan(0, 1, 2, 3, 4, 5), keys, 0, -1, 1000);
            List<List<Object>> expected = new ArrayList<>(table.rows());
            expected.sort(ReferenceOrder.of(keys));
            for (int parallelism : new int[] {1, 4}) {
                assertThat(run(sort, parallelism)).as("keys %s, parallelism %d", keys, parallelism).isEqualTo(expected);
            }
        }
    }

    @Test
    void topNKeepsTheFirstRowsAfterTheOffset() {
        for (List<SortKey> keys : KEY_LISTS) {
            List<List<Object>> sorted = new ArrayList<>(table.rows());
            sorted.sort(ReferenceOrder.of(keys));
            for (long[] window : new long[][] {{0, 10}, {100, 50}, {5, 0}, {30_000, 10_000}, {0, 100_000}}) {
                SortNode topN = new SortNode(table.scan(0, 1, 2, 3, 4, 5), keys, window[0], window[1], window[1]);
                int from = (int) Math.min(window[0], sorted.size());
                int to = (int) Math.min(window[0] + window[1], sorted.size());
                assertThat(run(topN, 4)).as("keys %s, offset %d, limit %d", keys, window[0], window[1])
                        .isEqualTo(sorted.subList(from, to));
            }
        }
    }

    @Test
    void sortWithAnOffsetAndNoLimit() {
        List<SortKey> keys = List.of(new SortKey(0, false, false));
        SortNode sort = new SortNode(table.scan(0, 2), keys, 25, -1, 1000);
        List<List<Object>> expected = new ArrayList<>(table.rows(0, 2));
        expected.sort(ReferenceOrder.of(List.of(new SortKey(0, false, false))));

        assertThat(run(sort, 3)).isEqualTo(expected.subList(25, expected.size()));
    }

    @Test
    void aSortOverItsMemoryLimitSpillsRunsAndReturnsTheSameRows() {
        for (List<SortKey> keys : KEY_LISTS) {
            SortNode sort = new SortNode(table.scan(0, 1, 2, 3, 4, 5), keys, 0, -1, 1000);
            List<List<Object>> expected = new ArrayList<>(table.rows());
            expected.sort(ReferenceOrder.of(keys));
            for (int parallelism : new int[] {1, 4}) {
                ExecutionContext context = database.context(parallelism, SPILLING_MEMORY);
                QueryProfile profile = QueryExecutor.profile(sort, context);
                assertThat(profile.statistics(sort).spilledRows()).as("keys %s", keys).isGreaterThanOrEqualTo(expected.size());
                assertThat(profile.statistics(sort).spilledBytes()).isPositive();
                assertThat(profile.render()).contains("spilled=");
                assertThat(Results.collect(QueryExecutor.execute(sort, context)))
                        .as("keys %s, parallelism %d", keys, parallelism).isEqualTo(expected);
                assertThat(context.spillSpace().directory()).as("spill files are deleted at the end").isNull();
            }
        }
    }

    @Test
    void aSpilledSortHonoursItsOffsetAndTheSpillFilesGoAwayWhenTheConsumerStopsEarly() throws Exception {
        List<SortKey> keys = List.of(new SortKey(1, true, true), new SortKey(0, false, false));
        SortNode sort = new SortNode(table.scan(0, 2), keys, 1234, -1, 1000);
        List<List<Object>> expected = new ArrayList<>(table.rows(0, 2));
        expected.sort(ReferenceOrder.of(keys));
        ExecutionContext context = database.context(2, SPILLING_MEMORY / 2);
        assertThat(Results.collect(QueryExecutor.execute(sort, context))).isEqualTo(expected.subList(1234, expected.size()));

        try (ResultStream stream = QueryExecutor.execute(sort, context)) {
            assertThat(stream.next()).isNotNull();
            assertThat(context.spillSpace().directory()).isNotNull();
        }
        assertThat(context.spillSpace().directory()).isNull();
        assertThat(Files.list(SpillSpace.temporaryDirectory(directory))).isEmpty();
    }

    @Test
    void manySpilledRunsAreMergedInGroupsFirst() {
        List<SortKey> keys = List.of(new SortKey(1, false, true), new SortKey(0, true, false));
        SortNode sort = new SortNode(table.scan(0, 1), keys, 0, -1, 1000);
        List<List<Object>> expected = new ArrayList<>(table.rows(0, 1));
        expected.sort(ReferenceOrder.of(keys));
        // So little memory that the sort writes more runs than a merge can read at once (a batch of each).
        ExecutionContext context = database.context(1, 150_000);
        QueryProfile profile = QueryExecutor.profile(sort, context);
        assertThat(profile.statistics(sort).spilledRows()).as("rows written twice: runs, then merged runs")
                .isGreaterThan(expected.size());
        assertThat(Results.collect(QueryExecutor.execute(sort, context))).isEqualTo(expected);
    }

    @Test
    void aSortWhoseMergeCannotHoldABatchPerRunFailsWith53200() {
        SortNode sort = new SortNode(table.scan(0, 1, 2, 3, 4, 5), KEY_LISTS.get(0), 0, -1, 1000);
        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(sort, database.context(1, 20_000))))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("sorted runs spilled to disk");
    }

    @Test
    void aTopNDoesNotSpill() {
        List<SortKey> keys = KEY_LISTS.get(1);
        SortNode topN = new SortNode(table.scan(0, 1, 2, 3, 4, 5), keys, 10, 100, 100);
        List<List<Object>> sorted = new ArrayList<>(table.rows());
        sorted.sort(ReferenceOrder.of(keys));
        long memory = 1_500_000;
        SortNode sort = new SortNode(table.scan(0, 1, 2, 3, 4, 5), keys, 0, -1, 1000);
        assertThat(QueryExecutor.profile(sort, database.context(1, memory)).statistics(sort).spilledBytes())
                .as("the full sort spills with this memory").isPositive();
        QueryProfile profile = QueryExecutor.profile(topN, database.context(1, memory));
        assertThat(profile.statistics(topN).spilledBytes()).isZero();
        assertThat(Results.collect(QueryExecutor.execute(topN, database.context(1, memory)))).isEqualTo(sorted.subList(10, 110));
    }
}
