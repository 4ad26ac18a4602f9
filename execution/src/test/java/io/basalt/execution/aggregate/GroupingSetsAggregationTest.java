package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionContext;
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
import io.basalt.execution.plan.ValuesNode;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.ColumnBatch;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.basalt.execution.aggregate.AccumulatorTestData.longs;
import static io.basalt.execution.aggregate.AccumulatorTestData.texts;
import static org.assertj.core.api.Assertions.assertThat;

/** GROUPING SETS computed by four workers and merged: every set's groups, GROUPING and DISTINCT per set. */
class GroupingSetsAggregationTest {

    private static final List<Column> COLUMNS = List.of(new Column("k", LogicalType.BIGINT, true),
            new Column("s", LogicalType.TEXT, true), new Column("v", LogicalType.BIGINT, true));
    private static final int[] KEYS = {0, 1};
    /** ROLLUP (k, s). */
    private static final List<int[]> SETS = List.of(new int[] {0, 1}, new int[] {0}, new int[0]);

    private static List<AggregateCall> calls() {
        return List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, LogicalType.BIGINT, "sum"),
                new AggregateCall(AggregateFunction.COUNT, new int[] {2}, true, -1, LogicalType.BIGINT, "distinct"),
                new AggregateCall(AggregateFunction.GROUPING, new int[] {0, 1}, false, -1, LogicalType.BIGINT, "grouping"));
    }

    private static AggregationSink sink(MemoryReservation memory) {
        List<Column> output = new ArrayList<>(COLUMNS.subList(0, 2));
        for (AggregateCall call : calls()) {
            output.add(new Column(call.name(), call.type(), true));
        }
        AggregateNode node = new AggregateNode(new ValuesNode(COLUMNS, List.of()), KEYS, calls(), output, 100, SETS);
        return new AggregationSink(node, 4, memory, SpillSpace.of(null), 1_000);
    }

    @Test
    void everySetIsAggregatedOnceAcrossWorkers() {
        Random random = new Random(5);
        String[] words = {"x", "y", null};
        List<Object[]> rows = new ArrayList<>();
        List<ColumnBatch> batches = new ArrayList<>();
        for (int b = 0; b < 12; b++) {
            int size = 2_000;
            Long[] keys = new Long[size];
            String[] texts = new String[size];
            Long[] values = new Long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = random.nextInt(30) == 0 ? null : (long) random.nextInt(20);
                texts[i] = words[random.nextInt(3)];
                values[i] = random.nextInt(8) == 0 ? null : (long) random.nextInt(50);
                rows.add(new Object[] {keys[i], texts[i], values[i]});
            }
            batches.add(new ColumnBatch(size, List.of(longs(keys), texts(texts), longs(values))));
        }
        MemoryBudget budget = new MemoryBudget(1L << 30);
        List<List<Object>> result = run(sink(new MemoryReservation(budget, "test")), batches);
        assertThat(Results.sorted(result)).isEqualTo(Results.sorted(reference(rows)));
        assertThat(budget.usedBytes()).isZero();
    }

    @Test
    void theGrandTotalExistsOverEmptyInput() {
        MemoryBudget budget = new MemoryBudget(1L << 30);
        List<List<Object>> result = run(sink(new MemoryReservation(budget, "test")), List.of());
        assertThat(result).containsExactly(Results.row(null, null, 0L, null, 0L, 3L));
    }

    private static List<List<Object>> run(AggregationSink sink, List<ColumnBatch> batches) {
        List<SinkWriter> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(sink.createWriter());
        }
        for (int b = 0; b < batches.size(); b++) {
            writers.get(b % 4).consume(b, batches.get(b));
        }
        for (SinkWriter writer : writers) {
            writer.finish();
        }
        ExecutionContext context = new ExecutionContext(null, null, 4, 1L << 30, new AtomicBoolean());
        sink.finish(new TaskRunner(WorkerPool.shared(), context));
        List<List<Object>> result = new ArrayList<>();
        MorselSource output = sink.output();
        for (Morsel morsel = output.next(); morsel != null; morsel = output.next()) {
            morsel.run(batch -> result.addAll(Results.rows(batch)));
        }
        output.close();
        return result;
    }

    /** COUNT(*), SUM(v), COUNT(DISTINCT v) and GROUPING(k, s) per group of each set, by plain Java. */
    private static List<List<Object>> reference(List<Object[]> rows) {
        List<List<Object>> expected = new ArrayList<>();
        for (int[] set : SETS) {
            Map<List<Object>, List<Object[]>> groups = new HashMap<>();
            for (Object[] row : rows) {
                List<Object> key = Arrays.asList(row[0], set.length > 1 ? row[1] : null);
                if (set.length == 0) {
                    key = Arrays.asList(null, null);
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
            long grouping = set.length == 2 ? 0 : set.length == 1 ? 1 : 3;
            for (Map.Entry<List<Object>, List<Object[]>> group : groups.entrySet()) {
                long sum = 0;
                boolean anyValue = false;
                Set<Object> distinct = new HashSet<>();
                for (Object[] row : group.getValue()) {
                    if (row[2] != null) {
                        sum += (Long) row[2];
                        anyValue = true;
                        distinct.add(row[2]);
                    }
                }
                expected.add(Results.row(group.getKey().get(0), group.getKey().get(1), (long) group.getValue().size(),
                        anyValue ? sum : null, (long) distinct.size(), grouping));
            }
        }
        return expected;
    }
}
