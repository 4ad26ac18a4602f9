package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/** COUNT(*) (every row) and COUNT(a, …) (rows where every argument is non-NULL); 0 for an empty group. */
final class CountAccumulator extends GroupedAccumulator {

    private long[] counts = new long[0];

    CountAccumulator(MemoryReservation memory) {
        super(memory);
    }

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void resize(int newCapacity) {
        counts = Arrays.copyOf(counts, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        boolean anyNulls = false;
        for (ColumnVector argument : arguments) {
            anyNulls |= argument.mayHaveNulls();
        }
        if (!anyNulls) {
            for (int i = 0; i < count; i++) {
                counts[groupIds[rows[i]]]++;
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            boolean counted = true;
            for (ColumnVector argument : arguments) {
                if (argument.isNull(row)) {
                    counted = false;
                    break;
                }
            }
            if (counted) {
                counts[groupIds[row]]++;
            }
        }
    }

    @Override
    public void addEveryRow(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        for (ColumnVector argument : arguments) {
            if (argument.mayHaveNulls()) {
                add(groupIds, arguments, rows, count);
                return;
            }
        }
        countEveryRow(counts, groupIds, count);
    }

    /** Counts rows {@code 0 .. count-1} into {@code counts[groupIds[row]]} (COUNT(*) and AVG's row counts). */
    static void countEveryRow(long[] counts, int[] groupIds, int count) {
        for (int row = 0; row < count; row++) {
            counts[groupIds[row]]++;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        long[] other = ((CountAccumulator) source).counts;
        for (int i = 0; i < count; i++) {
            counts[targetGroups[i]] += other[sourceGroups[i]];
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        LongVector vector = new LongVector(count);
        System.arraycopy(counts, from, vector.values(), 0, count);
        vector.setPositionCount(count);
        return vector;
    }
}
