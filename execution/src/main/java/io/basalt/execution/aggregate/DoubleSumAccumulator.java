package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;

import java.util.Arrays;

/** SUM of REAL and DOUBLE values, in double precision. */
final class DoubleSumAccumulator extends GroupedAccumulator {

    private double[] sums = new double[0];
    private boolean[] seen = new boolean[0];

    DoubleSumAccumulator(MemoryReservation memory) {
        super(memory);
    }

    @Override
    protected long bytesPerGroup() {
        return 9;
    }

    @Override
    protected void resize(int newCapacity) {
        sums = Arrays.copyOf(sums, newCapacity);
        seen = Arrays.copyOf(seen, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        DoubleVector values = (DoubleVector) arguments[0];
        double[] data = values.values();
        boolean nulls = values.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && values.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            sums[group] += data[row];
            seen[group] = true;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DoubleSumAccumulator other = (DoubleSumAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            if (other.seen[from]) {
                sums[targetGroups[i]] += other.sums[from];
                seen[targetGroups[i]] = true;
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        DoubleVector vector = new DoubleVector(count);
        System.arraycopy(sums, from, vector.values(), 0, count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            if (!seen[from + i]) {
                vector.setNull(i, true);
            }
        }
        return vector;
    }
}
