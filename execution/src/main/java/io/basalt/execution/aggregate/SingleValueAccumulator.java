package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;

/**
 * SINGLE_VALUE: the value of a group's only row. Rows are counted whether their value is NULL or not (a scalar
 * subquery returning two NULLs is as wrong as one returning two values); the value itself is kept by the MIN
 * accumulator of its type, which over one row is that row's value.
 */
final class SingleValueAccumulator extends GroupedAccumulator {

    private final Accumulator value;
    private long[] rowCounts = new long[0];

    SingleValueAccumulator(Accumulator value, MemoryReservation memory) {
        super(memory);
        this.value = value;
    }

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void resize(int newCapacity) {
        rowCounts = Arrays.copyOf(rowCounts, newCapacity);
        value.ensureGroups(newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            count(groupIds[rows[i]], 1);
        }
        value.add(groupIds, arguments, rows, count);
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        SingleValueAccumulator other = (SingleValueAccumulator) source;
        for (int i = 0; i < count; i++) {
            count(targetGroups[i], other.rowCounts[sourceGroups[i]]);
        }
        value.merge(other.value, sourceGroups, targetGroups, count);
    }

    private void count(int group, long added) {
        rowCounts[group] += added;
        if (rowCounts[group] > 1) {
            throw new ExecutionException(ExecutionException.CARDINALITY_VIOLATION,
                    "more than one row returned by a subquery used as an expression");
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        return value.result(from, count);
    }

    @Override
    public void release() {
        value.release();
        super.release();
    }
}
