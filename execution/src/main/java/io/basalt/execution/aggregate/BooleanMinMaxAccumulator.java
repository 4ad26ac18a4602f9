package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.ColumnVector;

import java.util.Arrays;

/** MIN (every value TRUE) or MAX (some value TRUE) of BOOLEANs, FALSE ordering before TRUE. */
final class BooleanMinMaxAccumulator extends GroupedAccumulator {

    private final boolean maximum;
    private boolean[] values = new boolean[0];
    private boolean[] seen = new boolean[0];

    BooleanMinMaxAccumulator(boolean maximum, MemoryReservation memory) {
        super(memory);
        this.maximum = maximum;
    }

    @Override
    protected long bytesPerGroup() {
        return 2;
    }

    @Override
    protected void resize(int newCapacity) {
        values = Arrays.copyOf(values, newCapacity);
        seen = Arrays.copyOf(seen, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        BooleanVector input = (BooleanVector) arguments[0];
        boolean nulls = input.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!(nulls && input.isNull(row))) {
                offer(groupIds[row], input.values()[row]);
            }
        }
    }

    private void offer(int group, boolean value) {
        if (!seen[group]) {
            values[group] = value;
            seen[group] = true;
        } else {
            values[group] = maximum ? values[group] | value : values[group] & value;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        BooleanMinMaxAccumulator other = (BooleanMinMaxAccumulator) source;
        for (int i = 0; i < count; i++) {
            if (other.seen[sourceGroups[i]]) {
                offer(targetGroups[i], other.values[sourceGroups[i]]);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        BooleanVector vector = new BooleanVector(count);
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
