package io.basalt.execution.aggregate;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.pipeline.SinkWriter;
import io.basalt.execution.vector.Selection;
import io.basalt.execution.vector.VectorSizes;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * One worker's side of an aggregation. It pre-aggregates while that pays: when its table stays nearly as
 * large as its input (most keys are new), every worker would end up holding nearly every group and the
 * merge would insert them all again. Such a worker stops pre-aggregating and instead keeps its further
 * batches with their rows split by key-hash partition; each partition's merge task then aggregates those
 * rows once, in parallel with the other partitions.
 */
final class AggregationWriter implements SinkWriter {

    /** Rows to see before judging whether pre-aggregation reduces the input. */
    static final long SAMPLE_ROWS = 100_000;

    private final AggregationLayout layout;
    private final long sampleRows;
    private final HybridAggregation table;
    private final int partitions;
    private final MemoryReservation memory;
    private final List<PartitionedBatch> kept = new ArrayList<>();
    private long rowsSeen;
    private long keptBytes;
    private boolean partitioning;

    /** @param memory the writer's own reservation, which {@code table} reserves through too */
    AggregationWriter(AggregationLayout layout, HybridAggregation table, int partitions, long sampleRows,
                      MemoryReservation memory) {
        this.layout = layout;
        this.sampleRows = sampleRows;
        this.table = table;
        this.partitions = partitions;
        this.memory = memory;
    }

    PartialAggregation partial() {
        return table.partial();
    }

    /** The rows this writer spilled, or null when it spilled none. */
    SpillPartitions spilled() {
        return table.spilled();
    }

    MemoryReservation memory() {
        return memory;
    }

    /** Frees the table and the kept batches. */
    void release() {
        table.partial().release();
        kept.clear();
        memory.shrink(keptBytes);
        keptBytes = 0;
    }

    /** Closes spill files still being written (the query failed before the finish). */
    void closeSpillFiles() {
        if (table.spilled() != null) {
            table.spilled().close();
        }
    }

    List<PartitionedBatch> keptBatches() {
        return kept;
    }

    /** Whether the writer stopped pre-aggregating and keeps partitioned batches instead. */
    boolean isPartitioning() {
        return partitioning;
    }

    /** Bytes the kept batches hold. */
    long keptBytes() {
        return keptBytes;
    }

    @Override
    public void consume(long sequence, ColumnBatch batch) {
        if (partitioning) {
            keep(batch);
            return;
        }
        table.addInput(batch);
        counted(batch.rowCount());
    }

    /** While pre-aggregating, when the table can add a selection's rows in place ({@link HybridAggregation#takesSelections}). */
    @Override
    public boolean takesSelections() {
        return !partitioning && table.takesSelections();
    }

    @Override
    public void consumeSelected(long sequence, ColumnBatch batch, int[] positions, int count) {
        if (partitioning) {
            keep(VectorCopier.select(batch, positions, count));
            return;
        }
        table.addInputSelected(batch, positions, count);
        counted(count);
    }

    /** Counts rows pre-aggregated and decides whether to partition instead from now on. */
    private void counted(int rows) {
        rowsSeen += rows;
        // Under GROUPING SETS a row has a key (so a partition) per set; such writers keep pre-aggregating. A full
        // table already sends the rows of new keys to their partitions, on disk. A table whose keys came sorted
        // costs no hashing, and neither does merging such tables, so it keeps going however many groups it has.
        if (partitions > 1 && layout.keyCount() > 0 && !layout.hasGroupingSets() && !table.isFull()
                && rowsSeen >= sampleRows && table.partial().groups.groupCount() * 2L > rowsSeen
                && table.partial().groups.sortedKeys() == null) {
            partitioning = true;
        }
    }

    /** Only once it partitions instead of pre-aggregating: the table copies what it needs of a batch. */
    @Override
    public boolean keepsBatches() {
        return partitioning;
    }

    private void keep(ColumnBatch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        long bytes = VectorSizes.bytes(batch) + 4L * rows;
        if (!memory.tryGrow(bytes)) {
            table.spill(batch); // the partitions' rows on disk join them like kept rows do
            return;
        }
        keptBytes += bytes;
        long[] hashes = new long[rows];
        KeyHashing.hash(layout.keys(batch, 0), Selection.all(rows), rows, hashes);
        int[] partitionOfRow = new int[rows];
        for (int row = 0; row < rows; row++) {
            partitionOfRow[row] = AggregationMerge.partitionOf(hashes[row], partitions);
        }
        kept.add(new PartitionedBatch(batch, AggregationMerge.rowsByPartition(partitionOfRow, null, rows, partitions)));
    }

    /** A batch kept whole, with its rows listed per partition. */
    record PartitionedBatch(ColumnBatch batch, int[][] positions) {
    }
}
