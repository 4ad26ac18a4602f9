package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;

/**
 * MIN or MAX of strings in UTF-8 byte order (code point order, as comparisons use). The current value of
 * each group is its own small array, replaced only when a better value arrives; its bytes are accounted.
 */
final class BytesMinMaxAccumulator extends GroupedAccumulator {

    /** Array header and reference, roughly, on top of each kept value's bytes. */
    private static final long VALUE_OVERHEAD = 24;

    private final boolean maximum;
    private byte[][] values = new byte[0][];

    BytesMinMaxAccumulator(boolean maximum, MemoryReservation memory) {
        super(memory);
        this.maximum = maximum;
    }

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        BytesVector input = (BytesVector) arguments[0];
        boolean nulls = input.mayHaveNulls();
        byte[] data = input.data();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!(nulls && input.isNull(row))) {
                int start = input.offset(row);
                int end = input.offset(row + 1);
                if (isBetter(groupIds[row], data, start, end)) {
                    keep(groupIds[row], Arrays.copyOfRange(data, start, end));
                }
            }
        }
    }

    private boolean isBetter(int group, byte[] data, int start, int end) {
        byte[] current = values[group];
        if (current == null) {
            return true;
        }
        int comparison = Arrays.compareUnsigned(data, start, end, current, 0, current.length);
        return maximum ? comparison > 0 : comparison < 0;
    }

    private void keep(int group, byte[] value) {
        byte[] current = values[group];
        if (current != null) {
            unreserve(current.length + VALUE_OVERHEAD);
        }
        reserve(value.length + VALUE_OVERHEAD);
        values[group] = value;
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        BytesMinMaxAccumulator other = (BytesMinMaxAccumulator) source;
        for (int i = 0; i < count; i++) {
            byte[] value = other.values[sourceGroups[i]];
            // The source's arrays are never written after they are kept, so the target takes them without a copy.
            if (value != null && isBetter(targetGroups[i], value, 0, value.length)) {
                keep(targetGroups[i], value);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        int bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] value = values[from + i];
            bytes += value == null ? 0 : value.length;
        }
        BytesVector vector = new BytesVector(count, bytes);
        for (int i = 0; i < count; i++) {
            byte[] value = values[from + i];
            if (value == null) {
                vector.appendNull();
            } else {
                vector.append(value);
            }
        }
        return vector;
    }
}
