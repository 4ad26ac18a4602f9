package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.segment.Int128ZoneMap;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;

import java.util.Arrays;

/** MIN or MAX of long DECIMALs (19 to 38 digits), compared as signed 128-bit integers. */
final class Int128MinMaxAccumulator extends GroupedAccumulator {

    private final boolean maximum;
    private long[] high = new long[0];
    private long[] low = new long[0];
    private boolean[] seen = new boolean[0];

    Int128MinMaxAccumulator(boolean maximum, MemoryReservation memory) {
        super(memory);
        this.maximum = maximum;
    }

    @Override
    protected long bytesPerGroup() {
        return 17;
    }

    @Override
    protected void resize(int newCapacity) {
        high = Arrays.copyOf(high, newCapacity);
        low = Arrays.copyOf(low, newCapacity);
        seen = Arrays.copyOf(seen, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        Int128Vector input = (Int128Vector) arguments[0];
        boolean nulls = input.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!(nulls && input.isNull(row))) {
                offer(groupIds[row], input.high()[row], input.low()[row]);
            }
        }
    }

    private void offer(int group, long valueHigh, long valueLow) {
        if (seen[group]) {
            int comparison = Int128ZoneMap.compare(valueHigh, valueLow, high[group], low[group]);
            if (maximum ? comparison <= 0 : comparison >= 0) {
                return;
            }
        }
        high[group] = valueHigh;
        low[group] = valueLow;
        seen[group] = true;
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        Int128MinMaxAccumulator other = (Int128MinMaxAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            if (other.seen[from]) {
                offer(targetGroups[i], other.high[from], other.low[from]);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        Int128Vector vector = new Int128Vector(count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            if (seen[from + i]) {
                vector.set(i, high[from + i], low[from + i]);
            } else {
                vector.setNull(i, true);
            }
        }
        return vector;
    }
}
