package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Variable-length values (UTF-8 text) in one byte arena: value {@code i} is
 * {@code data[offsets[i] .. offsets[i + 1])}. Values are appended in position order; a null takes an empty
 * slot.
 */
public final class BytesVector extends ColumnVector {

    private byte[] data;
    private int[] offsets;

    public BytesVector(int capacity, int dataCapacity) {
        super(capacity);
        this.data = new byte[Math.max(dataCapacity, 16)];
        this.offsets = new int[Math.max(capacity, 1) + 1];
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.BYTES;
    }

    public byte[] data() {
        return data;
    }

    public int[] offsets() {
        return offsets;
    }

    public int offset(int position) {
        return offsets[position];
    }

    public int length(int position) {
        return offsets[position + 1] - offsets[position];
    }

    /** Total bytes held by all values. */
    public int dataSize() {
        return offsets[positionCount];
    }

    public byte[] getBytes(int position) {
        return Arrays.copyOfRange(data, offsets[position], offsets[position + 1]);
    }

    public String getString(int position) {
        return new String(data, offsets[position], length(position), StandardCharsets.UTF_8);
    }

    public void append(byte[] source, int offset, int length) {
        ensureCapacity(positionCount + 1);
        int start = offsets[positionCount];
        ensureDataCapacity(start + length);
        System.arraycopy(source, offset, data, start, length);
        nulls[positionCount] = false;
        offsets[positionCount + 1] = start + length;
        positionCount++;
    }

    public void append(byte[] value) {
        append(value, 0, value.length);
    }

    public void append(String value) {
        append(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void appendNull() {
        ensureCapacity(positionCount + 1);
        offsets[positionCount + 1] = offsets[positionCount];
        super.appendNull();
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        BytesVector other = (BytesVector) source;
        if (other.isNull(position)) {
            appendNull();
        } else {
            append(other.data, other.offsets[position], other.length(position));
        }
    }

    @Override
    public void setPositionCount(int count) {
        throw new UnsupportedOperationException("BytesVector is filled by appending");
    }

    @Override
    public void reset() {
        super.reset();
        offsets[0] = 0;
    }

    @Override
    public void ensureCapacity(int capacity) {
        super.ensureCapacity(capacity);
        if (capacity + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, nulls.length + 1);
        }
    }

    public void ensureDataCapacity(int bytes) {
        if (bytes > data.length) {
            data = Arrays.copyOf(data, grownCapacity(data.length, bytes));
        }
    }
}
