package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionContext;
import io.basalt.execution.ReferenceAggregation;
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
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.LongVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregation sink driven by hand, to reach the path where workers stop pre-aggregating. */
class AggregationSinkTest {

    private static final List<Column> COLUMNS = List.of(new Column("k", LogicalType.BIGINT, true),
            new Column("s", LogicalType.TEXT, true), new Column("v", LogicalType.BIGINT, true),
            new Column("f", LogicalType.BOOLEAN, true));

    private static List<AggregateCall> calls() {
        return List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, LogicalType.BIGINT, "sum"),
                new AggregateCall(AggregateFunction.COUNT, new int[] {2}, true, -1, LogicalType.BIGINT, "distinct"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, true, 3, LogicalType.BIGINT, "distinct_filtered"),
                new AggregateCall(AggregateFunction.MAX, new int[] {2}, false, 3, LogicalType.BIGINT, "max_filtered"));
    }

    private static List<List<List<Object>>> batches(int count, int rows) {
        Random random = new Random(11);
        String[] words = {"x", "y", "z"};
        List<List<List<Object>>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<List<Object>> batch = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                Long key = random.nextInt(50) == 0 ? null : (long) random.nextInt(40_000);
                Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(5);
                Boolean flag = random.nextInt(7) == 0 ? null : random.nextBoolean();
                batch.add(Results.row(key, words[random.nextInt(3)], value, flag));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static ColumnBatch toBatch(List<List<Object>> rows) {
        LongVector keys = new LongVector(rows.size());
        BytesVector words = new BytesVector(rows.size(), rows.size());
        LongVector values = new LongVector(rows.size());
        BooleanVector flags = new BooleanVector(rows.size());
        for (List<Object> row : rows) {
            if (row.get(0) == null) {
                keys.appendNull();
            } else {
                keys.append((Long) row.get(0));
            }
            words.append((String) row.get(1));
            if (row.get(2) == null) {
                values.appendNull();
            } else {
                values.append((Long) row.get(2));
            }
            if (row.get(3) == null) {
                flags.appendNull();
            } else {
                flags.append((Boolean) row.get(3));
            }
        }
        return new ColumnBatch(rows.size(), List.of(keys, words, values, flags));
    }

    @Test
    void workersThatDoNotReduceTheirInputHandRowsToThePartitions() {
        int[] keys = {0, 1};
        AggregateNode node = node(keys, calls());
        List<List<List<Object>>> batches = batches(24, 4_000);
        List<List<Object>> rows = aggregate(node, batches, 4, writer -> assertThat(writer.isPartitioning()).isTrue());
        List<List<Object>> all = batches.stream().flatMap(List::stream).toList();
        List<LogicalType> types = COLUMNS.stream().map(Column::type).toList();
        assertThat(Results.sorted(rows)).isEqualTo(Results.sorted(ReferenceAggregation.aggregate(all, keys, calls(), types)));
    }

    private static List<AggregateCall> plainCalls() {
        return List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, LogicalType.BIGINT, "sum"),
                new AggregateCall(AggregateFunction.MAX, new int[] {2}, false, 3, LogicalType.BIGINT, "max_filtered"));
    }

    /**
     * Batches whose keys increase from batch to batch and within each (one or two rows per key, as lineitem has per
     * order key), handed to the writers in turn, as morsels of a table stored in key order are; {@code outOfOrder}
     * puts one small key into the last batch and {@code withNull} one NULL key into the first.
     */
    private static List<List<List<Object>>> sortedBatches(boolean outOfOrder, boolean withNull) {
        Random random = new Random(5);
        List<List<List<Object>>> batches = new ArrayList<>();
        long key = -1_000;
        for (int b = 0; b < 18; b++) {
            List<List<Object>> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                key += random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
                Long value = random.nextInt(10) == 0 ? null : (long) random.nextInt(1_000) - 500;
                batch.add(Results.row(key, "x", value, random.nextBoolean()));
            }
            batches.add(batch);
        }
        if (outOfOrder) {
            batches.get(17).add(Results.row(-999L, "x", 1L, true));
        }
        if (withNull) {
            batches.get(0).add(Results.row(null, "x", 2L, true));
        }
        return batches;
    }

    @Test
    void workersWhoseKeysCameSortedMergeSortedListsByKeyRange() {
        int[] keys = {0};
        AggregateNode node = node(keys, plainCalls());
        List<LogicalType> types = COLUMNS.stream().map(Column::type).toList();
        for (boolean outOfOrder : new boolean[] {false, true}) {
            for (boolean withNull : new boolean[] {false, true}) {
                List<List<List<Object>>> batches = sortedBatches(outOfOrder, withNull);
                // Most keys have one row, so the workers would stop pre-aggregating if their tables were hashed.
                boolean sorted = !outOfOrder && !withNull;
                List<List<Object>> rows = aggregate(node, batches, 3, writer -> {
                    if (sorted) {
                        assertThat(writer.isPartitioning()).isFalse();
                    }
                });
                List<List<Object>> all = batches.stream().flatMap(List::stream).toList();
                assertThat(Results.sorted(rows)).isEqualTo(Results.sorted(
                        ReferenceAggregation.aggregate(all, keys, plainCalls(), types)));
                if (sorted) {
                    // Partitions are key ranges, each merged in key order.
                    List<Object> groupKeys = rows.stream().map(row -> row.get(0)).toList();
                    assertThat(groupKeys).isSortedAccordingTo((a, b) -> Long.compare((Long) a, (Long) b));
                }
            }
        }
    }

    @Test
    void averagesSharingTheSumsOfTheirSumCallsMatchTheReference() {
        // AVG(v) reads SUM(v)'s exact sums, and AVG(v) FILTER (f) those of SUM(v) FILTER (f) (PartialAggregation
        // shareSums); AVG(v) FILTER (f) must not read the unfiltered sums, nor SUM(DISTINCT v)'s. Both with workers
        // pre-aggregating (3 keys) and handing rows on (40,000 keys), then merged.
        LogicalType sum = LogicalType.decimal(38, 0);
        LogicalType average = LogicalType.decimal(38, 6);
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, false, 3, average, "avg_filtered"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, true, -1, sum, "sum_distinct"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, sum, "sum"),
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, false, -1, average, "avg"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, 3, sum, "sum_filtered"),
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, true, -1, average, "avg_distinct"));
        List<LogicalType> types = COLUMNS.stream().map(Column::type).toList();
        List<List<List<Object>>> batches = batches(12, 3_000);
        List<List<Object>> all = batches.stream().flatMap(List::stream).toList();
        for (int[] keys : new int[][] {{1}, {0}}) {
            List<List<Object>> rows = aggregate(node(keys, calls), batches, 3, writer -> { });
            assertThat(Results.sorted(rows)).isEqualTo(Results.sorted(ReferenceAggregation.aggregate(all, keys, calls, types)));
        }
    }

    @Test
    void distinctEntriesThatHardlyRepeatAreDeduplicatedByTheMergeAlone() {
        // Three text keys and values that hardly repeat: each worker's DISTINCT entries go to a list (DistinctEntries)
        // after its sample, so the merge sees repeats within a worker's list and across workers, and must count each
        // value once: COUNT, SUM and AVG DISTINCT, with a FILTER and NULL values.
        LogicalType average = LogicalType.decimal(38, 6);
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT, new int[] {2}, true, -1, LogicalType.BIGINT, "distinct"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, true, 3, LogicalType.BIGINT, "distinct_filtered"),
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, true, -1, average, "distinct_average"),
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"));
        Random random = new Random(17);
        String[] words = {"x", "y", "z"};
        List<List<List<Object>>> batches = new ArrayList<>();
        for (int b = 0; b < 30; b++) {
            List<List<Object>> batch = new ArrayList<>();
            for (int i = 0; i < 4_000; i++) {
                // One value in 25 is drawn from a small pool, so it repeats within and across workers.
                long value = random.nextInt(25) == 0 ? random.nextInt(300) : 1_000 + b * 4_000L + i;
                batch.add(Results.row(0L, words[random.nextInt(3)], random.nextInt(40) == 0 ? null : value,
                        random.nextBoolean()));
            }
            batches.add(batch);
        }
        int[] keys = {1};
        List<List<Object>> rows = aggregate(node(keys, calls), batches, 3, writer -> {
            assertThat(writer.isPartitioning()).isFalse();
            assertThat(writer.partial().distinctEntries[0].listed()).isTrue();
        });
        List<List<Object>> all = batches.stream().flatMap(List::stream).toList();
        List<LogicalType> types = COLUMNS.stream().map(Column::type).toList();
        assertThat(Results.sorted(rows)).isEqualTo(Results.sorted(ReferenceAggregation.aggregate(all, keys, calls, types)));
    }

    @Test
    void theMergeReservesWhereThePartialsGroupsAndDistinctEntriesGoOnceForAllPartitions() {
        // Each partition's merge writes the merged group of its own groups and DISTINCT entries into arrays shared by
        // all partitions: 4 bytes a partial group and 12 an entry, reserved with the splits and given back with them.
        List<AggregateCall> calls = List.of(
                new AggregateCall(AggregateFunction.COUNT, new int[] {2}, true, -1, LogicalType.BIGINT, "distinct"),
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"));
        AggregateNode node = node(new int[] {0}, calls);
        AggregationLayout layout = new AggregationLayout(node);
        MemoryBudget budget = new MemoryBudget(1L << 30);
        MemoryReservation memory = new MemoryReservation(budget, "aggregating");
        AggregationSink sink = new AggregationSink(node, 2, memory, SpillSpace.of(null), 5_000);
        List<AggregationWriter> writers = List.of((AggregationWriter) sink.createWriter(),
                (AggregationWriter) sink.createWriter());
        Random random = new Random(5);
        for (int b = 0; b < 6; b++) {
            List<List<Object>> batch = new ArrayList<>();
            for (int i = 0; i < 3_000; i++) {
                batch.add(Results.row((long) random.nextInt(500), "x", (long) random.nextInt(20_000), true));
            }
            writers.get(b % 2).consume(b, toBatch(batch));
        }
        List<PartialAggregation> partials = new ArrayList<>();
        long expected = 0;
        for (AggregationWriter writer : writers) {
            writer.finish();
            PartialAggregation partial = writer.partial();
            partials.add(partial);
            int groups = partial.groups.groupCount();
            DistinctEntries entries = partial.distinctEntries[0];
            assertThat(entries.entryCount()).isGreaterThan(groups);
            expected += 8L * groups + bytes(partial.groups.keys()) + 4L * groups;
            expected += 8L * entries.entryCount() + bytes(entries.entries()) + 12L * entries.entryCount();
        }
        long before = budget.usedBytes();
        AggregationMerge merge = new AggregationMerge(layout, partials, List.of(), 4, memory);
        ExecutionContext context = new ExecutionContext(null, null, 2, 1L << 30, new AtomicBoolean());
        merge.prepare(new TaskRunner(WorkerPool.shared(), context));

        assertThat(budget.usedBytes() - before).isEqualTo(expected);
        long mergedGroups = 0;
        for (int partition = 0; partition < 4; partition++) {
            PartialAggregation merged = merge.mergePartition(partition, 16, () -> { }, memory);
            mergedGroups += merged.groups.groupCount();
            merged.release();
        }
        merge.release();
        assertThat(mergedGroups).isEqualTo(500);
        assertThat(budget.usedBytes()).isEqualTo(before);
        writers.forEach(AggregationWriter::release);
    }

    private static long bytes(io.basalt.storage.vector.ColumnVector[] columns) {
        long bytes = 0;
        for (io.basalt.storage.vector.ColumnVector column : columns) {
            bytes += io.basalt.execution.vector.VectorSizes.bytes(column);
        }
        return bytes;
    }

    /**
     * Batches handed over whole with the rows a filter kept ({@code SinkWriter.consumeSelected}): a table of COUNT,
     * and SUM and AVG of DECIMALs adds every row, the left-out ones to a spare group it empties afterwards, so the
     * results are those of the kept rows alone: keys that only left-out rows have do not appear, a key first met in a
     * later batch takes the emptied spare group's id and starts from nothing, NULL values are skipped. Three keys
     * (pre-aggregating throughout) and 40,000 (the writers turn to handing rows on, and then copy the kept rows).
     * Calls that cannot forget rows (DISTINCT, FILTER, MAX) make the writer refuse selections; given one anyway, it
     * copies the kept rows out.
     */
    @Test
    void selectionsAddedInPlaceGiveTheResultsOfTheKeptRows() {
        LogicalType sum = LogicalType.decimal(38, 0);
        LogicalType average = LogicalType.decimal(38, 6);
        List<AggregateCall> resettable = List.of(
                new AggregateCall(AggregateFunction.COUNT_STAR, new int[0], false, -1, LogicalType.BIGINT, "n"),
                new AggregateCall(AggregateFunction.COUNT, new int[] {2}, false, -1, LogicalType.BIGINT, "count"),
                new AggregateCall(AggregateFunction.SUM, new int[] {2}, false, -1, sum, "sum"),
                new AggregateCall(AggregateFunction.AVG, new int[] {2}, false, -1, average, "avg"),
                new AggregateCall(AggregateFunction.AVG, new int[] {0}, false, -1, average, "avg_key"));
        List<LogicalType> types = COLUMNS.stream().map(Column::type).toList();
        List<List<List<Object>>> batches = batches(12, 3_000);
        Random random = new Random(23);
        List<int[]> selections = new ArrayList<>();
        List<List<Object>> kept = new ArrayList<>();
        for (List<List<Object>> batch : batches) {
            int[] positions = java.util.stream.IntStream.range(0, batch.size()).filter(row -> random.nextInt(20) != 0)
                    .toArray();
            selections.add(positions);
            for (int row : positions) {
                kept.add(batch.get(row));
            }
        }
        for (List<AggregateCall> calls : List.of(resettable, calls())) {
            for (int[] keys : new int[][] {{1}, {0}, {}}) {
                boolean[] tookSelections = new boolean[1];
                List<List<Object>> rows = aggregateSelected(node(keys, calls), batches, selections, tookSelections);
                assertThat(Results.sorted(rows)).as("keys %s", java.util.Arrays.toString(keys))
                        .isEqualTo(Results.sorted(ReferenceAggregation.aggregate(kept, keys, calls, types)));
                assertThat(tookSelections[0]).isEqualTo(calls == resettable);
            }
        }
    }

    /** {@link #aggregate} with each batch handed over whole with its selection; notes whether a writer took one. */
    private static List<List<Object>> aggregateSelected(AggregateNode node, List<List<List<Object>>> batches,
                                                        List<int[]> selections, boolean[] tookSelections) {
        return run(node, batches.size(), 2, (b, writer) -> {
            tookSelections[0] |= writer.takesSelections();
            writer.consumeSelected(b, toBatch(batches.get(b)), selections.get(b), selections.get(b).length);
        }, writer -> { });
    }

    private static AggregateNode node(int[] keys, List<AggregateCall> calls) {
        List<Column> output = new ArrayList<>();
        for (int key : keys) {
            output.add(COLUMNS.get(key));
        }
        for (AggregateCall call : calls) {
            output.add(new Column(call.name(), call.type(), true));
        }
        return new AggregateNode(new ValuesNode(COLUMNS, List.of()), keys, calls, output, 1000);
    }

    /**
     * Runs the sink by hand: batch {@code b} to writer {@code b % writers} (with a sample of 5,000 rows), {@code check}
     * on each writer before it finishes; returns the output rows and checks every byte was given back.
     */
    private static List<List<Object>> aggregate(AggregateNode node, List<List<List<Object>>> batches, int writerCount,
                                                java.util.function.Consumer<AggregationWriter> check) {
        return run(node, batches.size(), writerCount, (b, writer) -> writer.consume(b, toBatch(batches.get(b))), check);
    }

    /** Runs the sink: {@code feed} gives batch {@code b} to writer {@code b % writers}. */
    private static List<List<Object>> run(AggregateNode node, int batchCount, int writerCount,
                                          java.util.function.BiConsumer<Integer, SinkWriter> feed,
                                          java.util.function.Consumer<AggregationWriter> check) {
        MemoryBudget budget = new MemoryBudget(1L << 30);
        MemoryReservation memory = new MemoryReservation(budget, "aggregating");
        AggregationSink sink = new AggregationSink(node, writerCount, memory, SpillSpace.of(null), 5_000);
        List<SinkWriter> writers = new ArrayList<>();
        for (int w = 0; w < writerCount; w++) {
            writers.add(sink.createWriter());
        }
        for (int b = 0; b < batchCount; b++) {
            feed.accept(b, writers.get(b % writerCount));
        }
        for (SinkWriter writer : writers) {
            check.accept((AggregationWriter) writer);
            writer.finish();
        }
        ExecutionContext context = new ExecutionContext(null, null, writerCount, 1L << 30, new AtomicBoolean());
        sink.finish(new TaskRunner(WorkerPool.shared(), context));

        List<List<Object>> rows = new ArrayList<>();
        MorselSource results = sink.output();
        for (Morsel morsel = results.next(); morsel != null; morsel = results.next()) {
            morsel.run(batch -> rows.addAll(Results.rows(batch)));
        }
        results.close();
        assertThat(budget.usedBytes()).isZero();
        return rows;
    }
}
