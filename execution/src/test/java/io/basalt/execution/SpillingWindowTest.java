package io.basalt.execution;

import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.WindowFrame;
import io.basalt.execution.plan.WindowFrame.FrameBound;
import io.basalt.execution.plan.WindowFunction;
import io.basalt.execution.plan.WindowFunctionKind;
import io.basalt.execution.plan.WindowNode;
import io.basalt.storage.catalog.ColumnDefinition;
import io.basalt.storage.type.LogicalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Window functions over more rows than the memory limit: the input is sorted externally (spilling) and the functions
 * are computed one chunk of whole partitions at a time, giving what the same query gives in memory and what
 * {@link ReferenceWindow} computes. A single partition larger than the limit fails with 53200 naming it.
 */
class SpillingWindowTest {

    private static final int ROWS = 60_000;
    /** Far below the input's bytes (several MB), above a few partitions' and the sort's merge. */
    private static final long TINY_LIMIT = 1L << 20;
    private static final WindowFrame AROUND = new WindowFrame(true, FrameBound.preceding(2), FrameBound.following(1));
    private static final WindowFrame VALUES_AROUND = new WindowFrame(false, FrameBound.preceding(3), FrameBound.following(2));

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table table;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        table = database.create("things", 5_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT),   // 0
                ColumnDefinition.of("p", LogicalType.BIGINT),         // 1: about 40 rows per partition, and NULL
                ColumnDefinition.of("o", LogicalType.BIGINT),         // 2: order, with ties and NULL
                ColumnDefinition.of("s", LogicalType.TEXT));          // 3
        Random random = new Random(11);
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            Long p = random.nextInt(50) == 0 ? null : (long) random.nextInt(ROWS / 40);
            Long o = random.nextInt(10) == 0 ? null : (long) random.nextInt(30);
            String s = random.nextInt(9) == 0 ? null : "value " + random.nextInt(1_000) + " of some length";
            rows.add(row(id, p, o, s));
        }
        table.append(rows);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static WindowFunction function(WindowFunctionKind kind, long constant, LogicalType type, int... arguments) {
        return new WindowFunction(kind, null, arguments, constant, WindowFrame.RUNNING, type, kind.name().toLowerCase());
    }

    private static WindowFunction firstValue(WindowFrame frame, LogicalType type, int argument) {
        return new WindowFunction(WindowFunctionKind.FIRST_VALUE, null, new int[] {argument}, 0, frame, type, "first_value");
    }

    private static WindowFunction sum(WindowFrame frame, int argument) {
        return new WindowFunction(WindowFunctionKind.AGGREGATE, AggregateFunction.SUM, new int[] {argument}, 0, frame,
                LogicalType.BIGINT, "sum");
    }

    /**
     * ROW_NUMBER, RANK, LAG, LEAD, SUM over a ROWS frame, FIRST_VALUE: PARTITION BY p ORDER BY o, id (a unique order,
     * so that every function has one right answer; ties and RANGE frames are the second test's).
     */
    private WindowNode uniqueOrder() {
        return new WindowNode(table.scan(0, 1, 2, 3), new int[] {1},
                List.of(new SortKey(2, true, false), new SortKey(0, true, false)), List.of(
                        function(WindowFunctionKind.ROW_NUMBER, 0, LogicalType.BIGINT),
                        function(WindowFunctionKind.RANK, 0, LogicalType.BIGINT),
                        function(WindowFunctionKind.LAG, 1, LogicalType.TEXT, 3),
                        function(WindowFunctionKind.LEAD, 2, LogicalType.BIGINT, 0),
                        sum(AROUND, 0),
                        firstValue(AROUND, LogicalType.TEXT, 3)), ROWS);
    }

    /** RANK and SUM over a RANGE frame with offsets: PARTITION BY p ORDER BY o, ties included. */
    private WindowNode orderWithTies() {
        return new WindowNode(table.scan(0, 1, 2, 3), new int[] {1}, List.of(new SortKey(2, true, false)), List.of(
                function(WindowFunctionKind.RANK, 0, LogicalType.BIGINT),
                function(WindowFunctionKind.DENSE_RANK, 0, LogicalType.BIGINT),
                sum(VALUES_AROUND, 0),
                sum(WindowFrame.RUNNING, 0)), ROWS);
    }

    /** @param checkReference whether {@link ReferenceWindow} knows the frames (it has no RANGE offsets) */
    private void assertSpilledMatchesInMemory(WindowNode node, boolean checkReference) {
        ExecutionContext tiny = database.context(4, TINY_LIMIT);
        List<List<Object>> spilled = Results.sorted(Results.collectWithinLimit(node, tiny));
        assertThat(tiny.spillSpace().rowsSpilled()).isPositive();
        ExecutionContext large = database.context(4);
        List<List<Object>> inMemory = Results.sorted(Results.collectWithinLimit(node, large));
        assertThat(large.spillSpace().rowsSpilled()).isZero();
        assertThat(spilled).hasSize(ROWS).isEqualTo(inMemory);
        if (checkReference) {
            assertThat(spilled).isEqualTo(Results.sorted(ReferenceWindow.compute(table.rows(0, 1, 2, 3), node, false)));
        }
    }

    @RepeatedTest(3)
    void rankingValueAndFrameFunctionsSpillAndMatchTheInMemoryResult() {
        assertSpilledMatchesInMemory(uniqueOrder(), true);
    }

    @Test
    void rangeFramesAndRanksOverTiesSpillAndMatchTheInMemoryResult() {
        assertSpilledMatchesInMemory(orderWithTies(), false);
    }

    @Test
    void aSpilledWindowGivesItsRowsInPartitionAndOrderKeyOrder() {
        List<List<Object>> rows = Results.collectWithinLimit(uniqueOrder(), database.context(2, TINY_LIMIT));
        for (int i = 1; i < rows.size(); i++) {
            List<Object> previous = rows.get(i - 1);
            List<Object> current = rows.get(i);
            // NULL partitions last (ascending, NULLS LAST), then o NULLS LAST, then id.
            List<Object> before = List.of(sortable(previous.get(1)), sortable(previous.get(2)), previous.get(0));
            List<Object> after = List.of(sortable(current.get(1)), sortable(current.get(2)), current.get(0));
            assertThat(Results.ROW_ORDER.compare(before, after)).as("row %d", i).isNegative();
        }
    }

    private static long sortable(Object value) {
        return value == null ? Long.MAX_VALUE : (Long) value;
    }

    @Test
    void aSinglePartitionLargerThanTheLimitFailsWith53200NamingIt() {
        WindowNode oneBigPartition = new WindowNode(table.scan(0, 1, 2, 3), new int[0],
                List.of(new SortKey(0, true, false)), List.of(function(WindowFunctionKind.ROW_NUMBER, 0, LogicalType.BIGINT)), ROWS);
        ExecutionContext context = database.context(4, TINY_LIMIT);
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(oneBigPartition, context);
        assertThatThrownBy(() -> Results.collect(stream))
                .isInstanceOfSatisfying(ExecutionException.class, error -> assertThat(error.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("while computing window functions: the window partition (all rows: the window has"
                        + " no PARTITION BY) does not fit in memory");
        assertThat(stream.memoryInUse()).isZero();
    }

    @Test
    void theFailingPartitionIsNamedByItsKeyValues() {
        TestDatabase.Table skewed = database.create("skewed", 5_000, ColumnDefinition.notNull("id", LogicalType.BIGINT),
                ColumnDefinition.of("k", LogicalType.TEXT));
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < ROWS; id++) {
            rows.add(row(id, id < 50_000 ? "crowded" : "key " + id));
        }
        skewed.append(rows);
        WindowNode node = new WindowNode(skewed.scan(0, 1), new int[] {1}, List.of(new SortKey(0, true, false)),
                List.of(function(WindowFunctionKind.ROW_NUMBER, 0, LogicalType.BIGINT)), ROWS);
        assertThatThrownBy(() -> Results.collect(QueryExecutor.execute(node, database.context(2, 512 << 10))))
                .isInstanceOfSatisfying(ExecutionException.class, error -> assertThat(error.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("the window partition (k = 'crowded') does not fit in memory");
    }
}
