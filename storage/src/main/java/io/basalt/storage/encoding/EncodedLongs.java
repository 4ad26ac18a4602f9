package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;

/**
 * The values of a LONG block without NULLs left in their encoded form, so a scan that keeps few of the block's rows
 * reads only those values ({@link #gather}) or tests the rows without building the block's column vector
 * ({@link #selectInRange}); {@link #unpackAll} decodes the whole block when every row is wanted. Value {@code i} is the
 * value of the block's row {@code i}.
 */
public sealed interface EncodedLongs permits PackedLongs, RunLengthLongs, DeltaLongs {

    /** The number of values. */
    int count();

    /**
     * Whether gathering {@code n} of {@code rows} rows ({@link #gather}) costs less than decoding the whole vector
     * ({@link #unpackAll}) and selecting from it.
     */
    default boolean gathersCheaply(int n, int rows) {
        return true;
    }

    /** {@code out[i] = value(offset + positions[i])} for {@code i < n}. */
    default void gather(int offset, int[] positions, int n, long[] out) {
        gather(offset, positions, 0, n, out);
    }

    /** {@code out[i] = value(offset + positions[from + i])} for {@code i < n}: a slice of a selection. */
    void gather(int offset, int[] positions, int from, int n, long[] out);

    /** {@code out[i] = value(from + i)} for {@code i < n}. */
    void unpack(int from, int n, long[] out);

    /**
     * Writes to {@code out} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) whose
     * value lies in {@code [low, high]}, in order, and returns how many; the value of row {@code r} is value
     * {@code offset + r}. {@code out} may be {@code positions}.
     */
    int selectInRange(int offset, int[] positions, int count, long low, long high, int[] out);

    /** Every value, as one vector of {@link #count()} positions. */
    LongVector unpackAll();
}
