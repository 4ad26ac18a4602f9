package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/** SUM of integers as BIGINT; overflow raises 22003 rather than wrapping. */
final class LongSumAccumulator extends GroupedAccumulator {

    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];

    LongSumAccumulator(MemoryReservation memory) {
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
        LongVector values = (LongVector) arguments[0];
        long[] data = values.values();
        boolean nulls = values.mayHaveNulls();
        try {
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (nulls && values.isNull(row)) {
                    continue;
                }
                int group = groupIds[row];
                sums[group] = Math.addExact(sums[group], data[row]);
                seen[group] = true;
            }
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        LongSumAccumulator other = (LongSumAccumulator) source;
        try {
            for (int i = 0; i < count; i++) {
                int from = sourceGroups[i];
                if (other.seen[from]) {
                    int to = targetGroups[i];
                    sums[to] = Math.addExact(sums[to], other.sums[from]);
                    seen[to] = true;
                }
            }
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        LongVector vector = new LongVector(count);
        System.arraycopy(sums, from, vector.values(), 0, count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            if (!seen[from + i]) {
                vector.setNull(i, true);
            }
        }
        return vector;
    }

    private static ExecutionException outOfRange() {
        return new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "bigint out of range");
    }
}
