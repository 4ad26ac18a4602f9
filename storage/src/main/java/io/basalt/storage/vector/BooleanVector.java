package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.util.Arrays;

public final class BooleanVector extends ColumnVector {

    private boolean[] values;

    public BooleanVector(int capacity) {
        super(capacity);
        this.values = new boolean[Math.max(capacity, 1)];
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.BOOLEAN;
    }

    public boolean[] values() {
        return values;
    }

    public boolean get(int position) {
        return values[position];
    }

    public void set(int position, boolean value) {
        values[position] = value;
    }

    public void append(boolean value) {
        ensureCapacity(positionCount + 1);
        values[positionCount] = value;
        nulls[positionCount] = false;
        positionCount++;
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        ensureCapacity(positionCount + 1);
        copyNullFrom(source, position);
        values[positionCount] = ((BooleanVector) source).values[position];
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
