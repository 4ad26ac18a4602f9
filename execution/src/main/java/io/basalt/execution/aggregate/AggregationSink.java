package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.execution.vector.VectorSlicer;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hash aggregation: every worker pre-aggregates its morsels into its own {@link PartialAggregation}; the
 * finish merges them by key-hash partition, in parallel, into the final groups. Without group keys the
 * result is exactly one row, also when the input was empty.
 */
public final class AggregationSink implements Sink {

    /** Groups per output batch. */
    private static final int OUTPUT_ROWS = 1 << 14;

    private final AggregationLayout layout;
    private final MemoryReservation memory;
    private final List<PartialAggregation> partials = Collections.synchronizedList(new ArrayList<>());
    private List<PartialAggregation> finals = List.of();
    private List<ColumnVector[]> finalKeys = List.of();
    private boolean closed;

    public AggregationSink(AggregateNode node, MemoryReservation memory) {
        this.layout = new AggregationLayout(node);
        this.memory = memory;
    }

    @Override
    public SinkWriter createWriter() {
        PartialAggregation partial = new PartialAggregation(layout, expectedGroups(), false, memory);
        partials.add(partial);
        return (sequence, batch) -> partial.add(batch);
    }

    private double expectedGroups() {
        return layout.node.estimatedRows();
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<PartialAggregation> filled = new ArrayList<>();
        synchronized (partials) {
            for (PartialAggregation partial : partials) {
                if (partial.isEmpty()) {
                    partial.release();
                } else {
                    filled.add(partial);
                }
            }
            partials.clear();
            partials.addAll(filled);
        }
        boolean anyDistinct = false;
        for (boolean distinct : layout.distinct) {
            anyDistinct |= distinct;
        }
        List<PartialAggregation> result;
        if (filled.size() == 1 && !anyDistinct) {
            result = filled; // one worker saw all rows: its table is the answer
        } else if (filled.isEmpty()) {
            result = List.of(new PartialAggregation(layout, 1, true, memory));
        } else {
            int partitions = layout.keyCount() == 0 ? 1 : tasks.parallelism();
            AggregationMerge merge = new AggregationMerge(layout, filled, partitions);
            PartialAggregation[] merged = new PartialAggregation[partitions];
            double expected = expectedGroups() / partitions;
            List<Runnable> work = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                work.add(() -> merged[partition] = merge.mergePartition(partition, expected, memory));
            }
            tasks.runAll(work);
            for (PartialAggregation partial : filled) {
                partial.release();
            }
            partials.clear();
            result = List.of(merged);
        }
        if (layout.keyCount() == 0 && result.get(0).isEmpty()) {
            PartialAggregation only = result.get(0);
            only.groups.findOrInsert(new ColumnVector[0], new int[] {0}, 1, new int[1]);
            only.ensureGroups();
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

    private static ColumnBatch batch(PartialAggregation source, ColumnVector[] keys, int from, int count) {
        List<ColumnVector> columns = new ArrayList<>(keys.length + source.accumulators.length);
        for (ColumnVector key : keys) {
            columns.add(VectorSlicer.slice(key, from, count));
        }
        for (Accumulator accumulator : source.accumulators) {
            columns.add(accumulator.result(from, count));
        }
        return new ColumnBatch(count, columns);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        finals = List.of();
        finalKeys = List.of();
        partials.clear();
        memory.close();
    }
}
