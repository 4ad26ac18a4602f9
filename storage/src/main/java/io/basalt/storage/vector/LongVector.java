package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

/** Integers of every width, DECIMAL up to 18 digits (unscaled), DATE, TIME and TIMESTAMP. */
public final class LongVector extends ColumnVector {

    private long[] values;

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
    }

    public void append(long value) {
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        nulls[positionCount] = false;
        positionCount++;
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        ensureCapacity(positionCount + 1);
        copyNullFrom(source, position);
        values[positionCount] = ((LongVector) source).values[position];
        positionCount++;
    }

    @Override
    public void ensureCapacity(int capacity) {
        super.ensureCapacity(capacity);
        if (capacity > values.length) {
            values = Arrays.copyOf(values, nulls.length);
        }
    }
}
