package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.Arrays;

/**
 * Variance and standard deviation in DOUBLE of DOUBLE or integer values. Per group a count, a mean and the sum of
 * squared deviations from it, updated with Welford's method and merged with Chan's formula: summing squares
 * directly loses every digit when the values are large and close together.
 */
final class DoubleVarianceAccumulator extends GroupedAccumulator {

    private final Dispersion dispersion;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] squaredDeviations = new double[0];

    DoubleVarianceAccumulator(Dispersion dispersion, MemoryReservation memory) {
        super(memory);
        this.dispersion = dispersion;
    }

    @Override
    protected long bytesPerGroup() {
        return 24;
    }

    @Override
    protected void resize(int newCapacity) {
        counts = Arrays.copyOf(counts, newCapacity);
        means = Arrays.copyOf(means, newCapacity);
        squaredDeviations = Arrays.copyOf(squaredDeviations, newCapacity);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        ColumnVector argument = arguments[0];
        boolean nulls = argument.mayHaveNulls();
        double[] doubles = argument instanceof DoubleVector d ? d.values() : null;
        long[] longs = argument instanceof LongVector l ? l.values() : null;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && argument.isNull(row)) {
                continue;
            }
            double value = doubles != null ? doubles[row] : longs[row];
            int group = groupIds[row];
            long n = ++counts[group];
            double delta = value - means[group];
            means[group] += delta / n;
            squaredDeviations[group] += delta * (value - means[group]);
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DoubleVarianceAccumulator other = (DoubleVarianceAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            int to = targetGroups[i];
            long otherCount = other.counts[from];
            if (otherCount == 0) {
                continue;
            }
            double otherMean = other.means[from];
            double otherDeviations = other.squaredDeviations[from];
            long ownCount = counts[to];
            long total = ownCount + otherCount;
            double delta = otherMean - means[to];
            means[to] += delta * otherCount / total;
            squaredDeviations[to] += otherDeviations + delta * delta * ((double) ownCount * otherCount / total);
            counts[to] = total;
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        DoubleVector vector = new DoubleVector(count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            long n = counts[group];
            if (n < dispersion.minimumCount()) {
                vector.setNull(i, true);
                continue;
            }
            // Rounding can leave a tiny negative sum for equal values; the variance is then 0.
            double variance = Math.max(0, squaredDeviations[group]) / dispersion.divisor(n);
            vector.set(i, dispersion.squareRoot ? Math.sqrt(variance) : variance);
        }
        return vector;
    }
}
