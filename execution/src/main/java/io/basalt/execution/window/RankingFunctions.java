package io.basalt.execution.window;

import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

/**
 * ROW_NUMBER, RANK, DENSE_RANK and NTILE (BIGINT), PERCENT_RANK and CUME_DIST (DOUBLE): numbers from a row's place in
 * its partition.
 */
final class RankingFunctions {

    private RankingFunctions() {
    }

    static LongVector rowNumber(PartitionLayout layout) {
        LongVector vector = newVector(layout.rowCount);
        long[] values = vector.values();
        for (int row = 0; row < layout.rowCount; row++) {
            values[row] = row - layout.partitionStart[row] + 1L;
        }
        return vector;
    }

    /** One plus the number of rows before the row's peers. */
    static LongVector rank(PartitionLayout layout) {
        LongVector vector = newVector(layout.rowCount);
        long[] values = vector.values();
        for (int row = 0; row < layout.rowCount; row++) {
            values[row] = layout.peerStart[row] - layout.partitionStart[row] + 1L;
        }
        return vector;
    }

    /** One plus the number of distinct peer groups before the row's. */
    static LongVector denseRank(PartitionLayout layout) {
        LongVector vector = newVector(layout.rowCount);
        long[] values = vector.values();
        long rank = 0;
        for (int row = 0; row < layout.rowCount; row++) {
            if (row == layout.partitionStart[row]) {
                rank = 0;
            }
            if (row == layout.peerStart[row]) {
                rank++;
            }
            values[row] = rank;
        }
        return vector;
    }

    /**
     * The bucket (1 … {@code buckets}) of each row when the partition is cut into {@code buckets} parts whose sizes
     * differ by at most one, the larger ones first (PostgreSQL's rule).
     */
    static LongVector ntile(PartitionLayout layout, long buckets) {
        LongVector vector = newVector(layout.rowCount);
        long[] values = vector.values();
        for (int row = 0; row < layout.rowCount; row++) {
            long size = layout.partitionEnd[row] - layout.partitionStart[row];
            long index = row - layout.partitionStart[row];
            long perBucket = size / buckets;
            long larger = size % buckets;
            long inLarger = larger * (perBucket + 1);
            values[row] = index < inLarger ? index / (perBucket + 1) + 1 : larger + (index - inLarger) / perBucket + 1;
        }
        return vector;
    }

    /** (rank - 1) / (rows of the partition - 1); 0 when the partition has one row. */
    static DoubleVector percentRank(PartitionLayout layout) {
        DoubleVector vector = newDoubleVector(layout.rowCount);
        double[] values = vector.values();
        for (int row = 0; row < layout.rowCount; row++) {
            long others = layout.partitionEnd[row] - layout.partitionStart[row] - 1L;
            values[row] = others == 0 ? 0.0 : (double) (layout.peerStart[row] - layout.partitionStart[row]) / others;
        }
        return vector;
    }

    /** The share of the partition's rows that come before the current row or are its peers. */
    static DoubleVector cumulativeDistribution(PartitionLayout layout) {
        DoubleVector vector = newDoubleVector(layout.rowCount);
        double[] values = vector.values();
        for (int row = 0; row < layout.rowCount; row++) {
            values[row] = (double) (layout.peerEnd[row] - layout.partitionStart[row])
                    / (layout.partitionEnd[row] - layout.partitionStart[row]);
        }
        return vector;
    }

    private static DoubleVector newDoubleVector(int rowCount) {
        DoubleVector vector = new DoubleVector(rowCount);
        vector.setPositionCount(rowCount);
        return vector;
    }

    private static LongVector newVector(int rowCount) {
        LongVector vector = new LongVector(rowCount);
        vector.setPositionCount(rowCount);
        return vector;
    }
}
