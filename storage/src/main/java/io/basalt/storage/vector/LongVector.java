package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

/** Integers of every width, DECIMAL up to 18 digits (unscaled), DATE, TIME and TIMESTAMP. */
public final class LongVector extends ColumnVector {

    private long[] values;
    /** See {@link #magnitudeBound()}. */
    private long magnitudeBound = Long.MAX_VALUE;

    public LongVector(int capacity) {
        super(capacity);
        this.values = new long[Math.max(capacity, 1)];
    }

    private LongVector(long[] values, boolean[] nulls) {
        super(nulls);
        this.values = values;
    }

    /**
     * An empty vector writing into the given arrays (recycled ones: their length is the capacity, {@code nulls}
     * must be false wherever the vector will be written, and {@code values} may hold anything).
     */
    public static LongVector wrapping(long[] values, boolean[] nulls) {
        if (values.length != nulls.length) {
            throw new IllegalArgumentException(values.length + " values but " + nulls.length + " null flags");
        }
        return new LongVector(values, nulls);
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.LONG;
    }

    public long[] values() {
        return values;
    }

    public long get(int position) {
        return values[position];
    }

    public void set(int position, long value) {
        values[position] = value;
        magnitudeBound = Long.MAX_VALUE;
    }

    public void append(long value) {
        magnitudeBound = Long.MAX_VALUE;
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        nulls[positionCount] = false;
        positionCount++;
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        magnitudeBound = Long.MAX_VALUE;
        ensureCapacity(positionCount + 1);
        copyNullFrom(source, position);
        values[positionCount] = ((LongVector) source).values[position];
        positionCount++;
    }

    /**
     * A bound on the magnitude of every non-NULL value: {@code |value| <= magnitudeBound()}, or {@link Long#MAX_VALUE}
     * when none is known (the default). A sum of a batch whose bound times its row count stays below 2<sup>63</sup>
     * cannot overflow a long, so sums skip their per-row overflow test ({@code aggregate/ExactSums}). Producers that
     * know it cheaply declare it: a scan from the block's zone map, a product from its factors' magnitudes.
     */
    public long magnitudeBound() {
        return magnitudeBound;
    }

    /**
     * Declares {@code |value| <= bound} for every non-NULL value of positions {@code [0, positionCount)}, after they
     * and their NULL flags are written: a reader trusts it, so a wrong bound gives wrong sums. Writing through this vector's methods
     * afterwards ({@code set}, {@code append…}, {@link #setPositionCount}, {@link #reset}) forgets it; a writer of
     * {@link #values()} directly must declare again after writing.
     */
    public void declareMagnitudeBound(long bound) {
        if (bound < 0) {
            throw new IllegalArgumentException("negative magnitude bound " + bound);
        }
        magnitudeBound = bound;
    }

    /** The magnitude of {@code value} as a bound: {@link Long#MAX_VALUE} (none) for {@link Long#MIN_VALUE}. */
    public static long magnitude(long value) {
        return value == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(value);
    }

    @Override
    public void setPositionCount(int count) {
        magnitudeBound = Long.MAX_VALUE;
        super.setPositionCount(count);
    }

    @Override
    public void reset() {
        magnitudeBound = Long.MAX_VALUE;
        super.reset();
    }

    @Override
    public void ensureCapacity(int capacity) {
        super.ensureCapacity(capacity);
        if (capacity > values.length) {
            values = Arrays.copyOf(values, nulls.length);
        }
    }
}
