package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;

import java.util.Arrays;

/**
 * MIN or MAX of REAL and DOUBLE values in {@link Double#compare} order (NaN above every number, as
 * PostgreSQL orders it, and -0.0 below 0.0), the same order ORDER BY uses.
 */
final class DoubleMinMaxAccumulator extends GroupedAccumulator {

    private final boolean maximum;
    private double[] values = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleMinMaxAccumulator(boolean maximum, MemoryReservation memory) {
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
        DoubleVector input = (DoubleVector) arguments[0];
        double[] data = input.values();
        boolean nulls = input.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!(nulls && input.isNull(row))) {
                offer(groupIds[row], data[row]);
            }
        }
    }

    private void offer(int group, double value) {
        if (!seen[group]) {
            values[group] = value;
            seen[group] = true;
            return;
        }
        int comparison = Double.compare(value, values[group]);
        if (maximum ? comparison > 0 : comparison < 0) {
            values[group] = value;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DoubleMinMaxAccumulator other = (DoubleMinMaxAccumulator) source;
        for (int i = 0; i < count; i++) {
            if (other.seen[sourceGroups[i]]) {
                offer(targetGroups[i], other.values[sourceGroups[i]]);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        DoubleVector vector = new DoubleVector(count);
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
