package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;

/**
 * ANY_VALUE: some non-NULL value of the group. Only a group's first non-NULL row reaches the value accumulator (the
 * MIN of the value's type, which over one row keeps that row's value); every later row costs one flag test. So a
 * grouping column the optimizer carries as ANY_VALUE (its value is equal across the group) is written once per
 * group instead of hashed and compared per row.
 */
final class AnyValueAccumulator extends GroupedAccumulator {

    private final Accumulator value;
    private boolean[] found = new boolean[0];
    private int[] firstRows = new int[0];
    private int[] mergeSources = new int[0];
    private int[] mergeTargets = new int[0];

    AnyValueAccumulator(Accumulator value, MemoryReservation memory) {
        super(memory);
        this.value = value;
    }

    @Override
    protected long bytesPerGroup() {
        return 1;
    }

    @Override
    protected void resize(int newCapacity) {
        found = Arrays.copyOf(found, newCapacity);
        value.ensureGroups(newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        ColumnVector values = arguments[0];
        if (firstRows.length < count) {
            firstRows = new int[count];
        }
        int first = 0;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            int group = groupIds[row];
            if (!found[group] && !values.isNull(row)) {
                found[group] = true;
                firstRows[first++] = row;
            }
        }
        if (first > 0) {
            value.add(groupIds, arguments, firstRows, first);
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        AnyValueAccumulator other = (AnyValueAccumulator) source;
        if (mergeSources.length < count) {
            mergeSources = new int[count];
            mergeTargets = new int[count];
        }
        int taken = 0;
        for (int i = 0; i < count; i++) {
            int target = targetGroups[i];
            if (!found[target] && other.found[sourceGroups[i]]) {
                found[target] = true;
                mergeSources[taken] = sourceGroups[i];
                mergeTargets[taken++] = target;
            }
        }
        if (taken > 0) {
            value.merge(other.value, mergeSources, mergeTargets, taken);
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
