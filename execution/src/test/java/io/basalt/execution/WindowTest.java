package io.basalt.execution;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ColumnReference;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.PhysicalNode;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.basalt.execution.Results.row;
import static org.assertj.core.api.Assertions.assertThat;

/** Window functions against {@link ReferenceWindow} over random rows: partitions, ties, NULLs, frames. */
class WindowTest {

    private static final String[] WORDS = {"apple", "Apple", "banana", "é", "", "zz"};
    private static final LogicalType DECIMAL = LogicalType.decimal(10, 2);
    private static final LogicalType SUM_TYPE = LogicalType.decimal(38, 2);
    private static final WindowFrame AROUND = new WindowFrame(true, FrameBound.preceding(2), FrameBound.following(1));
    private static final WindowFrame LAST_FOUR = new WindowFrame(true, FrameBound.preceding(3), FrameBound.CURRENT_ROW);
    private static final WindowFrame AHEAD = new WindowFrame(true, FrameBound.following(1), FrameBound.following(3));
    private static final WindowFrame WIDE = new WindowFrame(true, FrameBound.preceding(300), FrameBound.following(40));
    private static final WindowFrame TO_NEXT = new WindowFrame(true, FrameBound.UNBOUNDED_PRECEDING, FrameBound.following(1));
    private static final WindowFrame TO_END = new WindowFrame(true, FrameBound.CURRENT_ROW, FrameBound.UNBOUNDED_FOLLOWING);
    private static final WindowFrame PEERS = new WindowFrame(false, FrameBound.CURRENT_ROW, FrameBound.CURRENT_ROW);
    private static final WindowFrame PEERS_TO_END = new WindowFrame(false, FrameBound.CURRENT_ROW, FrameBound.UNBOUNDED_FOLLOWING);

    @TempDir
    Path directory;

    private TestDatabase database;
    private TestDatabase.Table table;

    @BeforeEach
    void createTable() {
        database = new TestDatabase(directory);
        table = database.create("things", 3_000,
                ColumnDefinition.notNull("id", LogicalType.BIGINT),   // 0
                ColumnDefinition.of("p", LogicalType.INTEGER),        // 1: partition, few values and NULL
                ColumnDefinition.of("o", LogicalType.INTEGER),        // 2: order, many ties and NULL
                ColumnDefinition.of("v", DECIMAL),                    // 3: value
                ColumnDefinition.of("s", LogicalType.TEXT));          // 4
        Random random = new Random(7);
        List<List<Object>> rows = new ArrayList<>();
        for (long id = 0; id < 12_000; id++) {
            Long p = random.nextInt(20) == 0 ? null : (long) random.nextInt(random.nextBoolean() ? 3 : 300);
            Long o = random.nextInt(8) == 0 ? null : (long) random.nextInt(15);
            Long v = random.nextInt(6) == 0 ? null : (long) random.nextInt(100_000) - 50_000;
            String s = random.nextInt(7) == 0 ? null : WORDS[random.nextInt(WORDS.length)] + random.nextInt(4);
            rows.add(row(id, p, o, v, s));
        }
        table.append(rows);
        table.delete(row -> (Long) row.get(0) % 11 == 3);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static WindowFunction function(WindowFunctionKind kind, long constant, LogicalType type, int... arguments) {
        return new WindowFunction(kind, null, arguments, constant, WindowFrame.RUNNING, type, kind.name().toLowerCase());
    }

    private static WindowFunction function(WindowFunctionKind kind, WindowFrame frame, LogicalType type, int argument) {
        return new WindowFunction(kind, null, new int[] {argument}, 0, frame, type, kind.name().toLowerCase());
    }

    private static WindowFunction aggregate(AggregateFunction function, WindowFrame frame, LogicalType type, int... arguments) {
        return new WindowFunction(WindowFunctionKind.AGGREGATE, function, arguments, 0, frame, type, function.name().toLowerCase());
    }

    private List<List<Object>> run(PhysicalNode plan, int parallelism) {
        return Results.sorted(Results.collect(QueryExecutor.execute(plan, database.context(parallelism))));
    }

    private void assertMatchesReference(WindowNode node, boolean wideSums) {
        List<List<Object>> expected = Results.sorted(ReferenceWindow.compute(table.rows(0, 1, 2, 3, 4), node, wideSums));
        for (int parallelism : new int[] {1, 3}) {
            assertThat(run(node, parallelism)).as("parallelism %d", parallelism).isEqualTo(expected);
        }
    }

    @Test
    void rowFunctionsAndRowsFramesWithAUniqueOrder() {
        List<SortKey> order = List.of(new SortKey(2, true, false), new SortKey(0, true, false));
        WindowNode node = new WindowNode(table.scan(0, 1, 2, 3, 4), new int[] {1}, order, List.of(
                function(WindowFunctionKind.ROW_NUMBER, 0, LogicalType.BIGINT),
                function(WindowFunctionKind.NTILE, 4, LogicalType.BIGINT),
                function(WindowFunctionKind.LAG, 2, DECIMAL, 3),
                function(WindowFunctionKind.LEAD, 1, DECIMAL, 3, 3),
                function(WindowFunctionKind.LAG, 0, LogicalType.TEXT, 4),
                function(WindowFunctionKind.FIRST_VALUE, AROUND, DECIMAL, 3),
                function(WindowFunctionKind.LAST_VALUE, AHEAD, LogicalType.TEXT, 4),
                aggregate(AggregateFunction.SUM, LAST_FOUR, SUM_TYPE, 3),
                aggregate(AggregateFunction.SUM, AHEAD, SUM_TYPE, 3),
                aggregate(AggregateFunction.COUNT, TO_NEXT, LogicalType.BIGINT, 3),
                aggregate(AggregateFunction.COUNT_STAR, AHEAD, LogicalType.BIGINT),
                aggregate(AggregateFunction.MIN, AROUND, LogicalType.TEXT, 4),
                aggregate(AggregateFunction.MAX, TO_END, DECIMAL, 3),
                aggregate(AggregateFunction.MIN, TO_NEXT, DECIMAL, 3),
                aggregate(AggregateFunction.SUM, WIDE, SUM_TYPE, 3),
                aggregate(AggregateFunction.MAX, WIDE, LogicalType.TEXT, 4),
                aggregate(AggregateFunction.COUNT, WIDE, LogicalType.BIGINT, 3)), 1000);

        assertMatchesReference(node, true);
    }

    @Test
    void rankingAndRangeFramesWithTies() {
        List<SortKey> order = List.of(new SortKey(2, false, true));
        WindowNode node = new WindowNode(table.scan(0, 1, 2, 3, 4), new int[] {1}, order, List.of(
                function(WindowFunctionKind.RANK, 0, LogicalType.BIGINT),
                function(WindowFunctionKind.DENSE_RANK, 0, LogicalType.BIGINT),
                aggregate(AggregateFunction.SUM, WindowFrame.RUNNING, SUM_TYPE, 3),
                aggregate(AggregateFunction.COUNT_STAR, PEERS_TO_END, LogicalType.BIGINT),
                aggregate(AggregateFunction.SUM, PEERS, SUM_TYPE, 3),
                aggregate(AggregateFunction.MAX, WindowFrame.RUNNING, LogicalType.TEXT, 4)), 1000);

        assertMatchesReference(node, true);
    }

    @Test
    void withoutPartitionOrOrderTheFrameIsEveryRow() {
        // The reference scans every row's whole frame: a tenth of the table keeps it quick.
        Call condition = Call.of(Function.LESS_THAN, LogicalType.BOOLEAN, new ColumnReference(0, LogicalType.BIGINT),
                new Literal(1_200L, LogicalType.BIGINT));
        WindowNode node = new WindowNode(table.scan(condition, 0, 1, 2, 3, 4), new int[0], List.of(), List.of(
                aggregate(AggregateFunction.COUNT_STAR, WindowFrame.WHOLE_PARTITION, LogicalType.BIGINT),
                aggregate(AggregateFunction.SUM, WindowFrame.RUNNING, SUM_TYPE, 3),
                function(WindowFunctionKind.LAST_VALUE, WindowFrame.RUNNING, LogicalType.BIGINT, 0)), 1000);

        List<List<Object>> result = run(node, 2);
        List<List<Object>> input = table.rows(0, 1, 2, 3, 4).stream().filter(row -> (Long) row.get(0) < 1_200).toList();
        assertThat(result).hasSize(input.size());
        List<List<Object>> expected = ReferenceWindow.compute(input, node, true);
        // LAST_VALUE over all rows picks whichever row sorted last: only check the aggregates exactly.
        for (int i = 0; i < result.size(); i++) {
            assertThat(result.get(i).subList(0, 7)).isEqualTo(Results.sorted(expected).get(i).subList(0, 7));
        }
    }
}
