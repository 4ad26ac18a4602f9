package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.ExecutionException;
import io.basalt.execution.Results;
import io.basalt.execution.memory.MemoryBudget;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.pipeline.WorkerPool;
import io.basalt.execution.plan.AggregateCall;
import io.basalt.execution.plan.AggregateFunction;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.plan.Column;
import io.basalt.execution.plan.SortKey;
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregations forced to spill by a tiny memory budget give exactly what the same aggregation gives in memory, over
 * random data with NULLs, duplicates and a skewed key, keys of every physical kind (integer, text, 128-bit decimal),
 * and aggregates whose state keeps every value (ordered STRING_AGG, percentiles, MODE, DISTINCT).
 */
class AggregationSpillTest {

    private static final LogicalType WIDE_DECIMAL = LogicalType.decimal(30, 2);
    private static final List<Column> COLUMNS = List.of(new Column("k", LogicalType.BIGINT, true),
            new Column("s", LogicalType.TEXT, true), new Column("d", WIDE_DECIMAL, true),
            new Column("v", LogicalType.BIGINT, true), new Column("f", LogicalType.BOOLEAN, true));
    private static final long LARGE = 1L << 30;

    @TempDir
    Path temporary;

    private static List<AggregateCall> calls() {
        SortKey byValue = new SortKey(3, true, false);
        SortKey byText = new SortKey(1, false, true);
        return List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"),
                new AggregateCall(AggregateFunction.SUM, new int[] {3}, false, -1, LogicalType.BIGINT, "sum"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, LogicalType.decimal(38, 2), "decimal_sum"),
                new AggregateCall(AggregateFunction.COUNT, new int[] {3}, true, -1, LogicalType.BIGINT, "distinct"),
                new AggregateCall(AggregateFunction.MAX, new int[] {3}, false, 4, LogicalType.BIGINT, "max_filtered"),
                new AggregateCall(AggregateFunction.MIN, new int[] {1}, false, -1, LogicalType.TEXT, "min_text"),
                new AggregateCall(AggregateFunction.STRING_AGG, new int[] {1}, false, -1, LogicalType.TEXT, "texts",
                        List.of(byValue, byText), null),
                new AggregateCall(AggregateFunction.PERCENTILE_DISC, new int[0], false, -1, LogicalType.BIGINT, "median",
                        List.of(byValue), 0.5),
                new AggregateCall(AggregateFunction.MODE, new int[0], false, -1, LogicalType.BIGINT, "mode",
                        List.of(byValue), null));
    }

    /** Rows of (k, s, d, v, f): k is 0 in 5% of the rows, every column is sometimes NULL. */
    private static List<ColumnBatch> batches(long seed, int count, int rows, int keys) {
        Random random = new Random(seed);
        List<ColumnBatch> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            LongVector k = new LongVector(rows);
            BytesVector s = new BytesVector(rows, rows * 8);
            Int128Vector d = new Int128Vector(rows);
            LongVector v = new LongVector(rows);
            BooleanVector f = new BooleanVector(rows);
            for (int i = 0; i < rows; i++) {
                int draw = random.nextInt(100);
                if (draw < 2) {
                    k.appendNull();
                } else {
                    k.append(draw < 7 ? 0 : random.nextInt(keys));
                }
                if (random.nextInt(30) == 0) {
                    s.appendNull();
                } else {
                    s.append("w" + random.nextInt(40));
                }
                if (random.nextInt(25) == 0) {
                    d.appendNull();
                } else {
                    d.append(BigInteger.valueOf(random.nextInt(7)).shiftLeft(70).add(BigInteger.valueOf(random.nextInt(3))));
                }
                if (random.nextInt(10) == 0) {
                    v.appendNull();
                } else {
                    v.append(random.nextInt(50));
                }
                if (random.nextInt(7) == 0) {
                    f.appendNull();
                } else {
                    f.append(random.nextBoolean());
                }
            }
            batches.add(new ColumnBatch(rows, List.of(k, s, d, v, f)));
        }
        return batches;
    }

    private static AggregateNode node(int[] keys, List<int[]> sets) {
        return node(keys, sets, calls());
    }

    private static AggregateNode node(int[] keys, List<int[]> sets, List<AggregateCall> calls) {
        List<Column> output = new ArrayList<>();
        for (int key : keys) {
            output.add(COLUMNS.get(key));
        }
        for (AggregateCall call : calls) {
            output.add(new Column(call.name(), call.type(), true));
        }
        return new AggregateNode(new ValuesNode(COLUMNS, List.of()), keys, calls, output, 50_000, sets);
    }

    /** What {@code sink} gives for {@code batches}, written round-robin by {@code workers} writers. */
    private static List<List<Object>> run(AggregationSink sink, int workers, List<ColumnBatch> batches) {
        List<SinkWriter> writers = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            writers.add(sink.createWriter());
        }
        for (int b = 0; b < batches.size(); b++) {
            writers.get(b % workers).consume(b, batches.get(b));
        }
        for (SinkWriter writer : writers) {
            writer.finish();
        }
        ExecutionContext context = new ExecutionContext(null, null, workers, LARGE, new AtomicBoolean());
        sink.finish(new TaskRunner(WorkerPool.shared(), context));
        List<List<Object>> rows = new ArrayList<>();
        try (MorselSource results = sink.output()) {
            for (Morsel morsel = results.next(); morsel != null; morsel = results.next()) {
                morsel.run(batch -> rows.addAll(Results.rows(batch)));
            }
        }
        return rows;
    }

    /** Runs the aggregation in memory and under {@code limit} bytes, checks both agree and that it spilled. */
    private void checkSpilledEqualsInMemory(AggregateNode node, int workers, long limit, List<ColumnBatch> batches) {
        MemoryBudget large = new MemoryBudget(LARGE);
        AggregationSink inMemory = new AggregationSink(node, workers, new MemoryReservation(large, "aggregating"),
                new SpillSpace(temporary), 1_000);
        List<List<Object>> expected = run(inMemory, workers, batches);
        assertThat(inMemory.spilledRows()).isZero();

        MemoryBudget tiny = new MemoryBudget(limit);
        SpillSpace space = new SpillSpace(temporary);
        AggregationSink spilling = new AggregationSink(node, workers, new MemoryReservation(tiny, "aggregating"), space, 1_000);
        List<List<Object>> actual = run(spilling, workers, batches);
        assertThat(spilling.spilledRows()).isPositive();
        assertThat(spilling.spilledBytes()).isPositive();
        assertThat(Results.sorted(actual)).isEqualTo(Results.sorted(expected));
        assertThat(tiny.usedBytes()).isZero();
        assertThat(tiny.peakBytes()).isLessThanOrEqualTo(limit);
        space.close();
    }

    @Test
    void groupByIntegerTextAndDecimalKeysSpillsAndMatchesTheInMemoryResult() {
        checkSpilledEqualsInMemory(node(new int[] {0, 1, 2}, List.of()), 4, 2_000_000, batches(1, 30, 3_000, 20_000));
    }

    @Test
    void oneWorkerSpillsIntoItsOwnTable() {
        checkSpilledEqualsInMemory(node(new int[] {0}, List.of()), 1, 4_000_000, batches(2, 30, 3_000, 40_000));
    }

    @Test
    void textKeysSpillAcrossTwoWorkers() {
        checkSpilledEqualsInMemory(node(new int[] {1, 0}, List.of()), 2, 1_500_000, batches(3, 25, 3_000, 30_000));
    }

    @Test
    void groupingSetsSpillPerSet() {
        // Without the aggregates that keep every value: ROLLUP's grand total would keep every row in one group.
        List<int[]> rollup = List.of(new int[] {0, 1}, new int[] {0}, new int[0]);
        List<AggregateCall> calls = calls().subList(0, 6);
        calls = new ArrayList<>(calls);
        calls.add(new AggregateCall(AggregateFunction.GROUPING, new int[] {0, 1}, false, -1, LogicalType.BIGINT, "grouping"));
        checkSpilledEqualsInMemory(node(new int[] {0, 1}, rollup, calls), 3, 2_000_000, batches(4, 25, 3_000, 20_000));
    }

    @Test
    void selectDistinctSpills() {
        AggregateNode distinct = new AggregateNode(new ValuesNode(COLUMNS, List.of()), new int[] {0, 2, 3},
                List.of(), List.of(COLUMNS.get(0), COLUMNS.get(2), COLUMNS.get(3)), 50_000);
        MemoryBudget tiny = new MemoryBudget(400_000);
        AggregationSink sink = new AggregationSink(distinct, 2, new MemoryReservation(tiny, "aggregating"),
                new SpillSpace(temporary), 1_000);
        List<List<Object>> rows = run(sink, 2, batches(5, 20, 3_000, 100_000));
        assertThat(sink.spilledRows()).isPositive();
        assertThat(rows).doesNotHaveDuplicates();
        AggregationSink inMemory = new AggregationSink(distinct, 2, new MemoryReservation(new MemoryBudget(LARGE), "aggregating"),
                new SpillSpace(temporary), 1_000);
        assertThat(Results.sorted(rows)).isEqualTo(Results.sorted(run(inMemory, 2, batches(5, 20, 3_000, 100_000))));
    }

    @Test
    void spillFilesAreGoneWhenTheSpaceCloses() throws Exception {
        SpillSpace space = new SpillSpace(temporary);
        AggregationSink sink = new AggregationSink(node(new int[] {0, 1}, List.of()), 2,
                new MemoryReservation(new MemoryBudget(1_000_000), "aggregating"), space, 1_000);
        run(sink, 2, batches(6, 20, 3_000, 50_000));
        assertThat(sink.spilledRows()).isPositive();
        space.close();
        try (Stream<Path> left = Files.walk(temporary)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aBudgetTooSmallForAnyTableFailsWith53200() {
        AggregationSink sink = new AggregationSink(node(new int[] {0, 1, 2}, List.of()), 2,
                new MemoryReservation(new MemoryBudget(2_000), "aggregating"), new SpillSpace(temporary), 1_000);
        assertThatThrownBy(() -> run(sink, 2, batches(7, 2, 1_000, 1_000)))
                .isInstanceOfSatisfying(ExecutionException.class, e -> assertThat(e.sqlState()).isEqualTo("53200"))
                .hasMessageContaining("memory limit");
    }
}
