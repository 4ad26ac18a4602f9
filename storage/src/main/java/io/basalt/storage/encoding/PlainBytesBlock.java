package io.basalt.storage.encoding;

import io.basalt.storage.vector.BytesVector;

/**
 * A BYTES block without NULLs or dictionary, left as slices of its body's array (which nobody changes): row
 * {@code r} is {@code source[starts[r], starts[r] + lengths[r])}. A scan that keeps few of the block's rows copies
 * only those ({@link #rows(int, int[], int)}) instead of every row's bytes into a vector first: TPC-H Q2's
 * supplier text columns (names, addresses, comments) for the 4 % of suppliers in one region.
 */
public final class PlainBytesBlock {

    private final byte[] source;
    private final int[] starts;
    private final int[] lengths;
    private final int rowCount;

    PlainBytesBlock(byte[] source, int[] starts, int[] lengths, int rowCount) {
        this.source = source;
        this.starts = starts;
        this.lengths = lengths;
        this.rowCount = rowCount;
    }

    public int rowCount() {
        return rowCount;
    }

    /** Every row, as one vector. */
    public BytesVector rows() {
        return rows(0, null, rowCount);
    }

    /**
     * Rows {@code offset + positions[i]} for {@code i < count} (rows {@code offset + i} when {@code positions} is
     * null), as a new vector.
     */
    public BytesVector rows(int offset, int[] positions, int count) {
        BytesVector vector = new BytesVector(count, 0);
        vector.appendSlices(source, starts, lengths, offset, positions, count);
        return vector;
    }
}
