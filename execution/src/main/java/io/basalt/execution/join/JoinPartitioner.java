package io.basalt.execution.join;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.execution.vector.Selection;
import io.basalt.storage.vector.ColumnBatch;

/**
 * Splits the rows of a spilling hash join into {@link #PARTITIONS} partitions by a hash of their join key, so
 * that rows with equal keys (build and probe side alike) always land in the same partition. Each level of
 * re-partitioning hashes with its own seed: rows that shared a partition at one level spread out at the next,
 * unless their keys are equal. NULL keys hash to a constant like any value (they never match, but NOT IN and
 * outer joins still need them).
 */
final class JoinPartitioner {

    static final int PARTITIONS = 16;
    private static final int PARTITION_BITS = Integer.numberOfTrailingZeros(PARTITIONS);

    private final int[] keyColumns;
    private final long seed;

    /** @param level 0 for the first split of a join's rows, one more for each re-partitioning */
    JoinPartitioner(int[] keyColumns, int level) {
        this.keyColumns = keyColumns.clone();
        this.seed = KeyHashing.mix(0x9E3779B97F4A7C15L * (level + 1));
    }

    /** The partition of every row of {@code batch}. */
    int[] partitionsOf(ColumnBatch batch) {
        int rows = batch.rowCount();
        long[] hashes = KeyHashing.hashRows(batch, keyColumns);
        int[] partitions = new int[rows];
        for (int row = 0; row < rows; row++) {
            // The top bits of a remix: group tables index their slots by the low bits of the plain hash.
            partitions[row] = (int) (KeyHashing.mix(hashes[row] ^ seed) >>> (64 - PARTITION_BITS));
        }
        return partitions;
    }

    /** The rows of {@code batch} by partition: element {@code p} holds partition p's rows, or null when it has none. */
    ColumnBatch[] split(ColumnBatch batch) {
        int[] partitions = partitionsOf(batch);
        int[] counts = new int[PARTITIONS];
        for (int partition : partitions) {
            counts[partition]++;
        }
        int[][] positions = new int[PARTITIONS][];
        for (int p = 0; p < PARTITIONS; p++) {
            positions[p] = new int[counts[p]];
            counts[p] = 0;
        }
        for (int row = 0; row < partitions.length; row++) {
            int p = partitions[row];
            positions[p][counts[p]++] = row;
        }
        ColumnBatch[] parts = new ColumnBatch[PARTITIONS];
        for (int p = 0; p < PARTITIONS; p++) {
            if (counts[p] > 0) {
                parts[p] = Selection.apply(batch, positions[p], counts[p]);
            }
        }
        return parts;
    }
}
