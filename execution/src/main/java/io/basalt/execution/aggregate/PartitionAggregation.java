package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.BatchConsumer;
import io.basalt.execution.pipeline.OutputSteps;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileReader;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * The final aggregation of the partitions of an aggregation that spilled, one partition in memory at a time, its
 * groups emitted in bounded steps ({@link #step}). A partition's groups start from its table (the workers' groups
 * of the partition, or an empty table); its spilled rows are added to them (hybrid again: rows of new keys that do
 * not fit spill one level deeper), then each step emits one batch of at most {@link #stepBytes} bytes, and the
 * partition's memory is freed before the next partition loads: its deeper partitions first (depth first, so at
 * most one partition's rows are on disk twice), each aggregated the same way from an empty table. Each level splits
 * with other hash bits; after {@link SpillPartitions#MAX_DEPTH} levels the query fails with 53200.
 */
final class PartitionAggregation implements OutputSteps, AutoCloseable {

    /** Most groups per output batch: smaller than in memory, since memory is short downstream too. */
    private static final int MAX_STEP_ROWS = 2048;

    private final AggregationLayout layout;
    private final AggregationOutput output;
    private final SpillSpace space;
    private final MemoryReservation memory;
    private final Runnable cancellation;
    private final long stepBytes;
    /** Partitions still to aggregate, next first; touched by one step at a time. */
    private final Deque<Partition> pending = new ArrayDeque<>();
    private PartialAggregation groups;
    private MemoryReservation groupsMemory;
    private ColumnVector[] keys;
    private int nextGroup;
    private int stepRows;

    /** A partition's groups held in memory and the reservation they hold their bytes in. */
    record Table(PartialAggregation groups, MemoryReservation memory) {
    }

    /**
     * @param memory       the aggregation's reservation: each table of a deeper level reserves through a child, and
     *                     the spill files of deeper levels are recorded there
     * @param cancellation fails with 57014 when the query was cancelled; checked before each spilled batch
     * @param stepBytes    the most bytes of groups one step emits (at least one group)
     */
    PartitionAggregation(AggregationLayout layout, SpillSpace space, MemoryReservation memory, Runnable cancellation,
                         long stepBytes) {
        this.layout = layout;
        this.output = new AggregationOutput(layout);
        this.space = space;
        this.memory = memory;
        this.cancellation = cancellation;
        this.stepBytes = stepBytes;
    }

    /**
     * Queues a partition of the workers' spill files ({@code depth} 0): {@code table} gives its groups held in memory
     * when it is its turn (the table is then this aggregation's to free), {@code files} its spilled rows.
     */
    void add(Supplier<Table> table, List<SpillFile> files) {
        pending.addLast(new Partition(table, files, 0));
    }

    /** Emits the next batch of groups, loading the next partition first when the current one is done. */
    @Override
    public synchronized boolean step(BatchConsumer consumer) {
        cancellation.run();
        while (groups == null) {
            Partition next = pending.pollFirst();
            if (next == null) {
                return false;
            }
            load(next);
        }
        int count = Math.min(stepRows, groups.groups.groupCount() - nextGroup);
        ColumnBatch batch = output.batch(groups, keys, nextGroup, count);
        nextGroup += count;
        // Later steps take as many groups as fit in the step's bytes, judged by this batch.
        stepRows = rowsPerStep(VectorSizes.bytes(batch) / count);
        if (nextGroup == groups.groups.groupCount()) {
            releaseCurrent();
        }
        consumer.accept(batch);
        return groups != null || !pending.isEmpty();
    }

    /**
     * Adds the partition's spilled rows to its table and makes it the current one, its deeper partitions queued
     * first; a partition without groups is freed at once.
     */
    private void load(Partition partition) {
        Table table = partition.table().get();
        groups = table.groups();
        groupsMemory = table.memory();
        HybridAggregation hybrid = new HybridAggregation(layout, groups, groupsMemory, space, SpillPartitions.FANOUT,
                partition.depth() + 1);
        SpillFile[] deeper;
        try {
            for (SpillFile file : partition.files()) {
                try (SpillFileReader reader = file.open()) {
                    for (ColumnBatch batch = reader.next(); batch != null; batch = reader.next()) {
                        cancellation.run();
                        hybrid.addSpilled(batch);
                    }
                }
                file.delete();
            }
            deeper = hybrid.spilled() == null ? new SpillFile[0] : hybrid.spilled().finish();
            hybrid.prepareEmission();
            keys = AggregationOutput.keys(groups, groupsMemory);
        } catch (RuntimeException failure) {
            releaseCurrent();
            throw failure;
        } finally {
            if (hybrid.spilled() != null) {
                hybrid.spilled().close();
            }
        }
        for (int p = deeper.length - 1; p >= 0; p--) {
            if (deeper[p] != null) {
                memory.recordSpill(deeper[p].bytes(), deeper[p].rowCount()); // for EXPLAIN ANALYZE
                pending.addFirst(new Partition(this::emptyTable, List.of(deeper[p]), partition.depth() + 1));
            }
        }
        nextGroup = 0;
        long groupCount = groups.groups.groupCount();
        // The first step judges a group's output bytes by its bytes in the table, which are more.
        stepRows = rowsPerStep(groupsMemory.heldBytes() / Math.max(1, groupCount));
        if (groupCount == 0) {
            releaseCurrent();
        }
    }

    private int rowsPerStep(long bytesPerGroup) {
        return (int) Math.max(1, Math.min(MAX_STEP_ROWS, stepBytes / Math.max(1, bytesPerGroup)));
    }

    private Table emptyTable() {
        MemoryReservation tableMemory = memory.child();
        return new Table(new PartialAggregation(layout, 16, true, tableMemory), tableMemory);
    }

    private void releaseCurrent() {
        if (groups != null) {
            groups.release();
            groupsMemory.close();
            groups = null;
            groupsMemory = null;
            keys = null;
        }
    }

    /** Frees the current partition's groups (a query that stopped early); the spill space deletes the files. */
    @Override
    public synchronized void close() {
        releaseCurrent();
        pending.clear();
    }

    /** A partition still to aggregate: its table when it loads, its spill files, and its level. */
    private record Partition(Supplier<Table> table, List<SpillFile> files, int depth) {
    }
}
