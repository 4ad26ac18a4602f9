package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.segment.DistinctCountSketch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * APPROX_COUNT_DISTINCT(x): per group the HyperLogLog sketch the segment footers keep per column (about 3% standard
 * error, 1 KiB per group once it has a value), so estimates agree with the planner's distinct counts. Merging
 * takes the register-wise maximum, which is exact: a merged sketch equals the one built from all values. A group
 * without values counts 0.
 */
final class ApproximateDistinctCountAccumulator extends GroupedAccumulator {

    private DistinctCountSketch[] sketches = new DistinctCountSketch[0];

    ApproximateDistinctCountAccumulator(MemoryReservation memory) {
        super(memory);
    }

    @Override
    protected long bytesPerGroup() {
        return 8;
    }

    @Override
    protected void resize(int newCapacity) {
        sketches = Arrays.copyOf(sketches, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        ColumnVector argument = arguments[0];
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (!argument.isNull(row)) {
                sketch(groupIds[row]).add(argument, row);
            }
        }
    }

    private DistinctCountSketch sketch(int group) {
        DistinctCountSketch sketch = sketches[group];
        if (sketch == null) {
            reserve(DistinctCountSketch.REGISTER_COUNT + 16);
            sketch = new DistinctCountSketch();
            sketches[group] = sketch;
        }
        return sketch;
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        ApproximateDistinctCountAccumulator other = (ApproximateDistinctCountAccumulator) source;
        for (int i = 0; i < count; i++) {
            DistinctCountSketch from = other.sketches[sourceGroups[i]];
            if (from != null) {
                sketch(targetGroups[i]).merge(from);
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        LongVector vector = new LongVector(count);
        for (int i = 0; i < count; i++) {
            DistinctCountSketch sketch = sketches[from + i];
            vector.values()[i] = sketch == null ? 0 : sketch.estimate();
        }
        vector.setPositionCount(count);
        return vector;
    }
}
