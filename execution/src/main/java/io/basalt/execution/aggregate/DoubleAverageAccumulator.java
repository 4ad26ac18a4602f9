package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;

import java.util.Arrays;

/** AVG of REAL and DOUBLE values: a double sum and a count per group. */
final class DoubleAverageAccumulator extends GroupedAccumulator {

    private double[] sums = new double[0];
    private long[] counts = new long[0];

    DoubleAverageAccumulator(MemoryReservation memory) {
        super(memory);
    }

    @Override
    protected long bytesPerGroup() {
        return 16;
    }

    @Override
    protected void resize(int newCapacity) {
        sums = Arrays.copyOf(sums, newCapacity);
        counts = Arrays.copyOf(counts, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        DoubleVector input = (DoubleVector) arguments[0];
        double[] data = input.values();
        boolean nulls = input.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && input.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            sums[group] += data[row];
            counts[group]++;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DoubleAverageAccumulator other = (DoubleAverageAccumulator) source;
        for (int i = 0; i < count; i++) {
            sums[targetGroups[i]] += other.sums[sourceGroups[i]];
            counts[targetGroups[i]] += other.counts[sourceGroups[i]];
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        DoubleVector vector = new DoubleVector(count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (counts[group] == 0) {
                vector.setNull(i, true);
            } else {
                vector.set(i, sums[group] / counts[group]);
            }
        }
        return vector;
    }
}
