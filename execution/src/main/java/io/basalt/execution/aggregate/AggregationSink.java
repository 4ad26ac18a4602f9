package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.Morsel;
import io.basalt.execution.pipeline.MorselSource;
import io.basalt.execution.pipeline.ResultCollector;
import io.basalt.execution.pipeline.Sink;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.pipeline.SteppedMorsels;
import io.basalt.execution.pipeline.TaskRunner;
import io.basalt.execution.plan.AggregateNode;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.NullVectors;
import io.basalt.storage.type.LogicalType;
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
 *
 * <p>When the memory budget runs out, a worker's table stops taking new keys and spills their rows by partition
 * ({@link HybridAggregation}). Then, and when merging the workers' tables would not fit, the finish merges
 * nothing: the output takes the partitions one at a time, in bounded steps ({@link PartitionAggregation}): a
 * partition merges its share of the workers' tables, adds its spilled rows, emits its groups a batch per step and
 * frees them before the next partition needs the memory.
 */
public final class AggregationSink implements Sink {

    /** Initial group-table size that a worker tries to reserve, per group. */
    private static final long INITIAL_BYTES_PER_GROUP = 64;

    private final AggregationLayout layout;
    private final AggregationOutput output;
    private final MemoryReservation memory;
    private final SpillSpace spillSpace;
    private final int parallelism;
    private final long sampleRows;
    private final List<AggregationWriter> writers = Collections.synchronizedList(new ArrayList<>());
    private List<PartialAggregation> finals = List.of();
    private List<ColumnVector[]> finalKeys = List.of();
    private PartitionAggregation spilledPartitions;
    private SteppedMorsels spilledSteps;
    private boolean closed;

    /**
     * @param parallelism the workers of the query, which is also how many partitions the merge has
     * @param spillSpace  where rows that do not fit in {@code memory} go
     */
    public AggregationSink(AggregateNode node, int parallelism, MemoryReservation memory, SpillSpace spillSpace) {
        this(node, parallelism, memory, spillSpace, AggregationWriter.SAMPLE_ROWS);
    }

    /** @param sampleRows rows a worker pre-aggregates before judging whether that pays (tests lower it) */
    AggregationSink(AggregateNode node, int parallelism, MemoryReservation memory, SpillSpace spillSpace, long sampleRows) {
        this.layout = new AggregationLayout(node);
        this.output = new AggregationOutput(layout);
        this.parallelism = parallelism;
        this.sampleRows = sampleRows;
        this.memory = memory;
        this.spillSpace = spillSpace;
    }

    @Override
    public SinkWriter createWriter() {
        MemoryReservation writerMemory = memory.child();
        PartialAggregation partial = new PartialAggregation(layout, affordableGroups(writerMemory), false, writerMemory);
        HybridAggregation table = new HybridAggregation(layout, partial, writerMemory, spillSpace, partitions(), 0, memory,
                workersCap());
        AggregationWriter writer = new AggregationWriter(layout, table, partitions(), sampleRows, writerMemory);
        writers.add(writer);
        return writer;
    }

    /** The estimated groups, fewer when a table that large does not fit in the memory left (it grows if need be). */
    private double affordableGroups(MemoryReservation writerMemory) {
        double groups = expectedGroups();
        while (groups > 16) {
            long bytes = (long) (groups * INITIAL_BYTES_PER_GROUP * (1 + layout.calls.size()));
            if (writerMemory.tryGrow(bytes)) {
                writerMemory.shrink(bytes);
                break;
            }
            groups /= 4;
        }
        return groups;
    }

    /**
     * What the workers' tables may hold together. Several tables (or DISTINCT sets) have to be merged, which takes
     * about as much again as the tables, plus room for the partitions' spilled rows: they keep to a third of the
     * budget. A lone worker's table without DISTINCT is the result as it is and may use the whole budget.
     */
    private long workersCap() {
        return parallelism == 1 && !layout.anyDistinct() ? Long.MAX_VALUE : memory.limitBytes() / 3;
    }

    private int partitions() {
        return layout.keyCount() == 0 ? 1 : parallelism;
    }

    private double expectedGroups() {
        return layout.node.estimatedRows();
    }

    /** Rows and bytes written to spill files, all levels together. */
    public long spilledRows() {
        return memory.spilledRows();
    }

    public long spilledBytes() {
        return memory.spilledBytes();
    }

    @Override
    public void finish(TaskRunner tasks) {
        List<AggregationWriter> finished;
        synchronized (writers) {
            finished = new ArrayList<>(writers);
            writers.clear();
        }
        List<PartialAggregation> filled = new ArrayList<>();
        List<AggregationWriter.PartitionedBatch> kept = new ArrayList<>();
        List<List<SpillFile>> spillFiles = new ArrayList<>();
        for (int p = 0; p < partitions(); p++) {
            spillFiles.add(new ArrayList<>());
        }
        boolean anySpilled = false;
        for (AggregationWriter writer : finished) {
            if (!writer.partial().isEmpty()) {
                filled.add(writer.partial());
            }
            kept.addAll(writer.keptBatches());
            if (writer.spilled() != null) {
                anySpilled = true;
                SpillFile[] files = writer.spilled().finish();
                for (int p = 0; p < files.length; p++) {
                    if (files[p] != null) {
                        memory.recordSpill(files[p].bytes(), files[p].rowCount());
                        spillFiles.get(p).add(files[p]);
                    }
                }
            }
        }
        boolean oneTable = filled.size() == 1 && kept.isEmpty() && !layout.anyDistinct();
        if (anySpilled && oneTable) {
            // One worker saw every row kept in memory: its table takes every partition's spilled rows.
            AggregationWriter only = writerOf(finished, filled.get(0));
            releaseEmptyTables(finished);
            PartitionAggregation partitions = newPartitionAggregation(tasks);
            List<SpillFile> all = spillFiles.stream().flatMap(List::stream).toList();
            partitions.add(() -> new PartitionAggregation.Table(only.partial(), only.memory()), all);
            setSpilledPartitions(partitions);
            return;
        }
        if (anySpilled || (!oneTable && !filled.isEmpty() && !mergeFits())) {
            setSpilledPartitions(mergedPartitions(finished, filled, kept, spillFiles, tasks));
            return;
        }
        List<PartialAggregation> result;
        if (oneTable) {
            releaseEmptyTables(finished);
            result = filled; // one worker saw all rows: its table is the answer
        } else if (filled.isEmpty()) {
            releaseEmptyTables(finished);
            result = List.of(new PartialAggregation(layout, 1, true, memory));
        } else {
            int partitions = partitions();
            AggregationMerge merge = new AggregationMerge(layout, filled, kept, partitions, memory);
            merge.prepare(tasks);
            PartialAggregation[] merged = new PartialAggregation[partitions];
            double expected = expectedGroups() / partitions;
            List<Runnable> work = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                work.add(() -> merged[partition] = merge.mergePartition(partition, expected, tasks::checkCancelled, memory));
            }
            tasks.runAll(work);
            merge.release();
            releaseWriters(finished);
            result = List.of(merged);
        }
        if (result.stream().allMatch(PartialAggregation::isEmpty)) {
            addEmptyInputGroups(result.get(0));
        }
        List<ColumnVector[]> keys = new ArrayList<>();
        for (PartialAggregation partition : result) {
            keys.add(AggregationOutput.keys(partition, memory));
        }
        synchronized (this) {
            finals = result;
            finalKeys = keys;
        }
    }

    /** Whether merging the workers' tables in memory fits: the merged tables take about as much as they do. */
    private boolean mergeFits() {
        long needed = memory.heldBytes();
        if (!memory.tryGrow(needed)) {
            return false;
        }
        memory.shrink(needed);
        return true;
    }

    private static AggregationWriter writerOf(List<AggregationWriter> writers, PartialAggregation partial) {
        return writers.stream().filter(writer -> writer.partial() == partial).findFirst().orElseThrow();
    }

    private static void releaseEmptyTables(List<AggregationWriter> writers) {
        for (AggregationWriter writer : writers) {
            if (writer.partial().isEmpty()) {
                writer.release();
            }
        }
    }

    private static void releaseWriters(List<AggregationWriter> writers) {
        for (AggregationWriter writer : writers) {
            writer.release();
        }
    }

    /**
     * The partitions one at a time: each merges its share of the workers' tables, adds its spilled rows and emits its
     * groups. The workers' tables are freed once the last partition merged its share.
     */
    private PartitionAggregation mergedPartitions(List<AggregationWriter> finished, List<PartialAggregation> filled,
                                                  List<AggregationWriter.PartitionedBatch> kept,
                                                  List<List<SpillFile>> spillFiles, TaskRunner tasks) {
        AggregationMerge merge = AggregationMerge.byHash(layout, filled, kept, partitions(), memory);
        merge.prepare(tasks);
        PartitionAggregation partitions = newPartitionAggregation(tasks);
        for (int p = 0; p < partitions(); p++) {
            int index = p;
            boolean last = p == partitions() - 1;
            partitions.add(() -> {
                MemoryReservation tableMemory = memory.child();
                try {
                    return new PartitionAggregation.Table(merge.mergePartition(index, 16, tasks::checkCancelled, tableMemory),
                            tableMemory);
                } catch (RuntimeException failure) {
                    tableMemory.close();
                    throw failure;
                } finally {
                    if (last) {
                        merge.release();
                        releaseWriters(finished);
                    }
                }
            }, spillFiles.get(index));
        }
        return partitions;
    }

    /** Spilled partitions emitted in steps small enough for a window of them to fit in the result buffer. */
    private PartitionAggregation newPartitionAggregation(TaskRunner tasks) {
        return new PartitionAggregation(layout, spillSpace, memory, tasks::checkCancelled,
                ResultCollector.outputStepBytes(memory.limitBytes(), parallelism));
    }

    private synchronized void setSpilledPartitions(PartitionAggregation partitions) {
        spilledPartitions = partitions;
        spilledSteps = new SteppedMorsels(partitions);
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
                        int count = Math.min(AggregationOutput.OUTPUT_ROWS, groups - from);
                        nextGroup += count;
                        PartialAggregation source = finals.get(partition);
                        ColumnVector[] keys = finalKeys.get(partition);
                        return consumer -> consumer.accept(output.batch(source, keys, from, count));
                    }
                    partition++;
                    nextGroup = 0;
                }
                return spilledSteps == null ? null : spilledSteps.next();
            }

            @Override
            public void close() {
                AggregationSink.this.close();
            }
        };
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        finals = List.of();
        finalKeys = List.of();
        if (spilledPartitions != null) {
            spilledPartitions.close();
        }
        spilledSteps = null;
        synchronized (writers) {
            for (AggregationWriter writer : writers) {
                writer.closeSpillFiles(); // a failure before the finish: the spill space deletes them
            }
            writers.clear();
        }
        memory.close();
    }
}
