package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

/** REAL and DOUBLE values; a REAL is a float widened to double, which is exact and reversible. */
public final class DoubleVector extends ColumnVector {

    private double[] values;

    public DoubleVector(int capacity) {
        super(capacity);
        this.values = new double[Math.max(capacity, 1)];
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.DOUBLE;
    }

    public double[] values() {
        return values;
    }

    public double get(int position) {
        return values[position];
    }

    public void set(int position, double value) {
        values[position] = value;
    }

    public void append(double value) {
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        nulls[positionCount] = false;
        positionCount++;
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        ensureCapacity(positionCount + 1);
        copyNullFrom(source, position);
        values[positionCount] = ((DoubleVector) source).values[position];
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
