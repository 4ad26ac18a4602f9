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
        writers.clear();
        memory.close();
    }
}
