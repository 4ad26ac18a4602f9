package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.vector.NullVectors;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;
import io.basalt.storage.type.LogicalType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hash aggregation: every worker pre-aggregates its morsels into its own {@link PartialAggregation} (or,
 * when that does not reduce its input, keeps its batches split by partition: see {@link AggregationWriter});
 * the finish merges by key-hash partition, in parallel, into the final groups. Without group keys the
 * result is exactly one row, also when the input was empty.
 */
public final class AggregationSink implements Sink {

    /** Groups per output batch. */
    private static final int OUTPUT_ROWS = 1 << 14;

    private final AggregationLayout layout;
    private final MemoryReservation memory;
    private final int parallelism;
    private final long sampleRows;
    private final List<AggregationWriter> writers = Collections.synchronizedList(new ArrayList<>());
    private List<PartialAggregation> finals = List.of();
    private List<ColumnVector[]> finalKeys = List.of();
    private boolean closed;

    /** @param parallelism the workers of the query, which is also how many partitions the merge has */
    public AggregationSink(AggregateNode node, int parallelism, MemoryReservation memory) {
        this(node, parallelism, memory, AggregationWriter.SAMPLE_ROWS);
    }

    /** @param sampleRows rows a worker pre-aggregates before judging whether that pays (tests lower it) */
    AggregationSink(AggregateNode node, int parallelism, MemoryReservation memory, long sampleRows) {
        this.layout = new AggregationLayout(node);
        this.parallelism = parallelism;
        this.sampleRows = sampleRows;
        this.memory = memory;
    }

    @Override
    public SinkWriter createWriter() {
        AggregationWriter writer = new AggregationWriter(layout, new PartialAggregation(layout, expectedGroups(), false, memory),
                layout.keyCount() == 0 ? 1 : parallelism, sampleRows, memory);
        writers.add(writer);
        return writer;
    }

    private double expectedGroups() {
        return layout.node.estimatedRows();
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<PartialAggregation> filled = new ArrayList<>();
        List<AggregationWriter.PartitionedBatch> kept = new ArrayList<>();
        long keptBytes = 0;
        synchronized (writers) {
            for (AggregationWriter writer : writers) {
                if (writer.partial().isEmpty()) {
                    writer.partial().release();
                } else {
                    filled.add(writer.partial());
                }
                kept.addAll(writer.keptBatches());
                keptBytes += writer.keptBytes();
            }
            writers.clear();
        }
        boolean anyDistinct = false;
        for (boolean distinct : layout.distinct) {
            anyDistinct |= distinct;
        }
        List<PartialAggregation> result;
        if (filled.size() == 1 && kept.isEmpty() && !anyDistinct) {
            result = filled; // one worker saw all rows: its table is the answer
        } else if (filled.isEmpty()) {
            result = List.of(new PartialAggregation(layout, 1, true, memory));
        } else {
            int partitions = layout.keyCount() == 0 ? 1 : parallelism;
            AggregationMerge merge = new AggregationMerge(layout, filled, kept, partitions, memory);
            merge.prepare(tasks);
            PartialAggregation[] merged = new PartialAggregation[partitions];
            double expected = expectedGroups() / partitions;
            List<Runnable> work = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                work.add(() -> merged[partition] = merge.mergePartition(partition, expected, tasks::checkCancelled));
            }
            tasks.runAll(work);
            merge.release();
            for (PartialAggregation partial : filled) {
                partial.release();
            }
            kept.clear();
            memory.shrink(keptBytes);
            result = List.of(merged);
        }
        if (result.stream().allMatch(PartialAggregation::isEmpty)) {
            addEmptyInputGroups(result.get(0));
        }
        List<ColumnVector[]> keys = new ArrayList<>();
        for (PartialAggregation partition : result) {
            ColumnVector[] partitionKeys = partition.groups.keys();
            for (ColumnVector key : partitionKeys) {
                memory.grow(VectorSizes.bytes(key));
            }
            keys.add(partitionKeys);
        }
        synchronized (this) {
            finals = result;
            finalKeys = keys;
        }
    }

    /**
     * Over empty input, a GROUP BY without keys still has its one group, and so has every grouping set that groups by
     * no key ({@code ROLLUP}'s grand total).
     */
    private void addEmptyInputGroups(PartialAggregation only) {
        if (!layout.hasGroupingSets()) {
            if (layout.keyCount() == 0) {
                only.groups.findOrInsert(new ColumnVector[0], new int[] {0}, 1, new int[1]);
            }
        } else {
            for (int set : layout.emptySets()) {
                ColumnVector[] keys = layout.keys(new ColumnBatch(1, nullColumns()), set);
                only.groups.findOrInsert(keys, new int[] {0}, 1, new int[1]);
            }
        }
        only.ensureGroups();
    }

    /** One row of NULLs in the shape of the aggregation's input. */
    private List<ColumnVector> nullColumns() {
        List<ColumnVector> columns = new ArrayList<>();
        for (LogicalType type : layout.inputTypes) {
            columns.add(NullVectors.of(type.physicalKind(), 1));
        }
        return columns;
    }

    /** The groups and their aggregates, readable once the pipeline finished; closing it frees the sink. */
    public MorselSource output() {
        return new MorselSource() {
            private int partition;
            private int nextGroup;

            @Override
            public Morsel next() {
                while (partition < finals.size()) {
                    int groups = finals.get(partition).groups.groupCount();
                    if (nextGroup < groups) {
                        int from = nextGroup;
                        int count = Math.min(OUTPUT_ROWS, groups - from);
                        nextGroup += count;
                        PartialAggregation source = finals.get(partition);
                        ColumnVector[] keys = finalKeys.get(partition);
                        return output -> output.accept(batch(source, keys, from, count));
                    }
                    partition++;
                    nextGroup = 0;
                }
                return null;
            }

            @Override
            public void close() {
                AggregationSink.this.close();
            }
        };
    }

    private ColumnBatch batch(PartialAggregation source, ColumnVector[] keys, int from, int count) {
        List<ColumnVector> columns = new ArrayList<>(keys.length + source.accumulators.length);
        for (int k = 0; k < layout.outputKeyCount(); k++) {
            columns.add(VectorSlicer.slice(keys[k], from, count));
        }
        for (int c = 0; c < source.accumulators.length; c++) {
            columns.add(layout.isGrouping(c) ? groupingValues(c, keys, from, count) : source.accumulators[c].result(from, count));
        }
        return new ColumnBatch(count, columns);
    }

    /** GROUPING(…) of groups {@code [from, from + count)}, from their grouping-set keys. */
    private LongVector groupingValues(int call, ColumnVector[] keys, int from, int count) {
        LongVector values = new LongVector(count);
        for (int i = 0; i < count; i++) {
            int set = layout.hasGroupingSets() ? (int) ((LongVector) keys[layout.outputKeyCount()]).get(from + i) : 0;
            values.values()[i] = layout.groupingValue(call, set);
        }
        values.setPositionCount(count);
        return values;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        finals = List.of();
        finalKeys = List.of();
        writers.clear();
        memory.close();
    }
}
