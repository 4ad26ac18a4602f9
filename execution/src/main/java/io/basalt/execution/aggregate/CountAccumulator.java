package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/** COUNT(*) (every row) and COUNT(a, …) (rows where every argument is non-NULL); 0 for an empty group. */
final class CountAccumulator extends GroupedAccumulator implements ResettableAccumulator {

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
    public void resetGroup(int group) {
        counts[group] = 0;
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
    public void addEveryRow(BatchGroups groups, ColumnVector[] arguments) {
        for (ColumnVector argument : arguments) {
            if (argument.mayHaveNulls()) {
                add(groups.ids(), arguments, groups.rows(), groups.count());
                return;
            }
        }
        countEveryRow(counts, groups);
    }

    /** Adds each group's row count of the batch to {@code counts[group]} (COUNT(*) and AVG's row counts). */
    static void countEveryRow(long[] counts, BatchGroups groups) {
        int[] rowCounts = groups.rowCounts();
        if (rowCounts != null) {
            for (int group = 0; group < rowCounts.length; group++) {
                counts[group] += rowCounts[group];
            }
            return;
        }
        int[] groupIds = groups.ids();
        int count = groups.count();
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
