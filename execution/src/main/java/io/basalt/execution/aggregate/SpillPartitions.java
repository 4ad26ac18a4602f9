package io.basalt.execution.aggregate;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.spill.SpillFile;
import io.basalt.execution.spill.SpillFileWriter;
import io.basalt.execution.spill.SpillSpace;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows an aggregation could not keep in memory, written to one spill file per key-hash partition. A spilled
 * row holds the aggregation's input columns and, under GROUPING SETS, one more BIGINT column: the grouping set
 * the row was spilled for (a row can be in memory for one set and spilled for another). Rows of one key always
 * land in the same partition, so each partition can later be aggregated on its own.
 *
 * <p>At depth 0 (the workers) the partitions are the merge's partitions ({@link AggregationMerge#partitionOf}),
 * so a spilled partition joins the in-memory groups of the same partition. Deeper levels re-split one partition
 * with other hash bits, so keys that shared a partition before spread out.
 */
final class SpillPartitions implements AutoCloseable {

    /** Partitions a spilled partition is split into when it is aggregated and still does not fit. */
    static final int FANOUT = 16;

    private static final long[] DEPTH_SALTS = {0, 0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L,
            0x27D4EB2F165667C5L, 0x94D049BB133111EBL, 0xBF58476D1CE4E5B9L};

    /** How many times a partition may be split again before the aggregation gives up with 53200. */
    static final int MAX_DEPTH = DEPTH_SALTS.length - 1;

    private final SpillSpace space;
    private final AggregationLayout layout;
    private final List<PhysicalKind> fileKinds;
    private final int depth;
    private final SpillFileWriter[] writers;
    private long rows;

    SpillPartitions(SpillSpace space, AggregationLayout layout, int partitions, int depth) {
        this.space = space;
        this.layout = layout;
        this.depth = depth;
        this.writers = new SpillFileWriter[partitions];
        List<PhysicalKind> kinds = new ArrayList<>();
        for (LogicalType type : layout.inputTypes) {
            kinds.add(type.physicalKind());
        }
        if (layout.hasGroupingSets()) {
            kinds.add(PhysicalKind.LONG);
        }
        this.fileKinds = List.copyOf(kinds);
    }

    /** The partition of a key hash at {@code depth}; depth 0 is the merge's partitioning. */
    static int partitionOf(long hash, int depth, int partitions) {
        return AggregationMerge.partitionOf(hash ^ DEPTH_SALTS[depth], partitions);
    }

    /** Writes rows {@code positions[0..count)} of {@code batch}, spilled for grouping set {@code set}. */
    void write(ColumnBatch batch, int set, int[] positions, int count) {
        if (count == 0) {
            return;
        }
        long[] hashes = new long[count];
        KeyHashing.hash(layout.keys(batch, set), positions, count, hashes);
        int partitions = writers.length;
        int[] partitionOfRow = new int[count];
        for (int i = 0; i < count; i++) {
            partitionOfRow[i] = partitionOf(hashes[i], depth, partitions);
        }
        int[][] rowsOf = AggregationMerge.rowsByPartition(partitionOfRow, positions, count, partitions);
        for (int p = 0; p < partitions; p++) {
            if (rowsOf[p].length > 0) {
                writer(p).write(spilledRows(batch, set, rowsOf[p], rowsOf[p].length));
            }
        }
        rows += count;
    }

    private SpillFileWriter writer(int partition) {
        if (writers[partition] == null) {
            writers[partition] = space.newFile("aggregation partition " + partition + " at depth " + depth, fileKinds);
        }
        return writers[partition];
    }

    /** The input columns of the rows (a re-spilled batch also carries its set column: it is rebuilt), then the set. */
    private ColumnBatch spilledRows(ColumnBatch batch, int set, int[] positions, int count) {
        List<ColumnVector> columns = new ArrayList<>(fileKinds.size());
        columns.addAll(batch.columns().subList(0, layout.inputTypes.size()));
        ColumnBatch selected = Selection.apply(new ColumnBatch(batch.rowCount(), columns), positions, count);
        if (!layout.hasGroupingSets()) {
            return selected;
        }
        List<ColumnVector> withSet = new ArrayList<>(selected.columns());
        LongVector sets = new LongVector(count);
        Arrays.fill(sets.values(), 0, count, set);
        sets.setPositionCount(count);
        withSet.add(sets);
        return new ColumnBatch(count, withSet);
    }

    /** Rows written so far. */
    long rows() {
        return rows;
    }

    boolean isEmpty() {
        return rows == 0;
    }

    /** Closes the files: per partition the finished file, or null when no row went there. */
    SpillFile[] finish() {
        SpillFile[] files = new SpillFile[writers.length];
        for (int p = 0; p < writers.length; p++) {
            if (writers[p] != null) {
                files[p] = writers[p].finish();
                writers[p] = null;
            }
        }
        return files;
    }

    /** Closes files still open (after a failure); finished files are the spill space's to delete. */
    @Override
    public void close() {
        for (int p = 0; p < writers.length; p++) {
            if (writers[p] != null) {
                writers[p].close();
                writers[p] = null;
            }
        }
    }
}
