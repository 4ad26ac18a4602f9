package io.basalt.execution.window;

import io.basalt.execution.sort.RowComparator;
import io.basalt.storage.vector.ColumnVector;

/**
 * Where each row of a sorted bucket stands: the bounds of its partition and of its peer group (rows of the
 * partition equal on the order keys). Ends are exclusive. Computed once per bucket and shared by every function.
 */
final class PartitionLayout {

    final int rowCount;
    final int[] partitionStart;
    final int[] partitionEnd;
    final int[] peerStart;
    final int[] peerEnd;

    private PartitionLayout(int rowCount) {
        this.rowCount = rowCount;
        partitionStart = new int[rowCount];
        partitionEnd = new int[rowCount];
        peerStart = new int[rowCount];
        peerEnd = new int[rowCount];
    }

    /** Bytes a layout of {@code rowCount} rows holds, reserved before it is built. */
    static long bytes(int rowCount) {
        return 16L * rowCount;
    }

    /** The layout of {@code columns}, sorted by partition keys, then order keys. */
    static PartitionLayout of(ColumnVector[] columns, int rowCount, RowComparator partitions, RowComparator peers) {
        PartitionLayout layout = new PartitionLayout(rowCount);
        int partitionFrom = 0;
        int peerFrom = 0;
        for (int row = 1; row <= rowCount; row++) {
            boolean newPartition = row == rowCount || partitions.compare(columns, row - 1, columns, row) != 0;
            boolean newPeers = newPartition || peers.compare(columns, row - 1, columns, row) != 0;
            if (newPeers) {
                for (int r = peerFrom; r < row; r++) {
                    layout.peerStart[r] = peerFrom;
                    layout.peerEnd[r] = row;
                }
                peerFrom = row;
            }
            if (newPartition) {
                for (int r = partitionFrom; r < row; r++) {
                    layout.partitionStart[r] = partitionFrom;
                    layout.partitionEnd[r] = row;
                }
                partitionFrom = row;
            }
        }
        return layout;
    }
}
