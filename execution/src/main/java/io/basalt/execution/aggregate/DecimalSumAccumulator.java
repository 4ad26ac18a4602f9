package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * Exact SUM of DECIMAL (and integer) values with a DECIMAL result: unscaled values (short decimals as
 * LONG, long decimals as INT128) are added exactly ({@link ExactSums}: in longs, folded into 128 bits when a
 * long would overflow), and the total must fit the result's precision, else 22003.
 */
final class DecimalSumAccumulator extends GroupedAccumulator implements SummingAccumulator, ResettableAccumulator {

    private final LogicalType resultType;
    private final ExactSums sums;
    private boolean[] seen = new boolean[0];

    DecimalSumAccumulator(LogicalType resultType, MemoryReservation memory) {
        super(memory);
        this.resultType = resultType;
        this.sums = new ExactSums();
    }

    /** The exact sums, for an AVG over the same values to read ({@link ExactAverageAccumulator#shareSums}). */
    ExactSums sums() {
        return sums;
    }

    @Override
    protected long bytesPerGroup() {
        return ExactSums.bytesPerGroup() + 1;
    }

    @Override
    protected void resize(int newCapacity) {
        sums.resize(newCapacity);
        seen = Arrays.copyOf(seen, newCapacity);
    }

    @Override
    public void resetGroup(int group) {
        sums.reset(group);
        seen[group] = false;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        sums.add(groupIds, arguments[0], rows, count, seen);
    }

    @Override
    public void addEveryRow(BatchGroups groups, ColumnVector[] arguments) {
        sums.addEveryRow(groups, arguments[0], seen);
    }

    @Override
    public ExactSums sumsAdded() {
        return sums;
    }

    @Override
    public void addEveryRowButSums(BatchGroups groups) {
        ExactSums.markSeen(groups, seen);
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DecimalSumAccumulator other = (DecimalSumAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            if (other.seen[from]) {
                int to = targetGroups[i];
                sums.merge(other.sums, from, to);
                seen[to] = true;
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        boolean wide = resultType.physicalKind() == PhysicalKind.INT128;
        ColumnVector vector = ColumnVector.create(resultType.physicalKind(), count);
        vector.setPositionCount(count);
        sums.fold(from, count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (!seen[group]) {
                vector.setNull(i, true);
                continue;
            }
            if (!Int128Arithmetic.fitsPrecision(sums.high(group), sums.low(group), resultType.precision())) {
                throw Int128Arithmetic.overflow();
            }
            if (wide) {
                ((Int128Vector) vector).set(i, sums.high(group), sums.low(group));
            } else {
                ((LongVector) vector).set(i, sums.low(group));
            }
        }
        return vector;
    }
}
