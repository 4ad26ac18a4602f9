package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/** MIN or MAX of LONG values (integers, dates, times, timestamps, short decimals). */
final class LongMinMaxAccumulator extends GroupedAccumulator {

    private final boolean maximum;
    private long[] values = new long[0];
    private boolean[] seen = new boolean[0];

    LongMinMaxAccumulator(boolean maximum, MemoryReservation memory) {
        super(memory);
        this.maximum = maximum;
    }

    @Override
    protected long bytesPerGroup() {
        return 9;
    }

    @Override
    protected void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
        seen = Arrays.copyOf(seen, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        LongVector input = (LongVector) arguments[0];
        long[] data = input.values();
        boolean nulls = input.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!(nulls && input.isNull(row))) {
                offer(groupIds[row], data[row]);
            }
        }
    }

    private void offer(int group, long value) {
        if (!seen[group] || (maximum ? value > values[group] : value < values[group])) {
            values[group] = value;
            seen[group] = true;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        LongMinMaxAccumulator other = (LongMinMaxAccumulator) source;
        for (int i = 0; i < count; i++) {
            if (other.seen[sourceGroups[i]]) {
                offer(targetGroups[i], other.values[sourceGroups[i]]);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        LongVector vector = new LongVector(count);
        System.arraycopy(values, from, vector.values(), 0, count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            if (!seen[from + i]) {
                vector.setNull(i, true);
            }
        }
        return vector;
    }
}
