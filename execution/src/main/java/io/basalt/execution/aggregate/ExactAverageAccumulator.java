package io.basalt.execution.aggregate;

import io.basalt.execution.ExecutionException;
import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * AVG of integers and DECIMALs: an exact sum ({@link ExactSums}) and a count per group, divided once at the end into
 * the call's type: DOUBLE/REAL, DECIMAL with the call's scale (rounded half away from zero), or an integer
 * type (truncated toward zero, as integer division does).
 */
final class ExactAverageAccumulator extends GroupedAccumulator implements SummingAccumulator, ResettableAccumulator {

    private final int inputScale;
    private final LogicalType resultType;
    private ExactSums sums;
    /** False once the sums are a SUM call's of the same rows ({@link #shareSums}): that call adds and merges them. */
    private boolean ownsSums = true;
    private long[] counts = new long[0];

    ExactAverageAccumulator(LogicalType argumentType, LogicalType resultType, MemoryReservation memory) {
        super(memory);
        this.inputScale = argumentType.scale();
        this.resultType = resultType;
        this.sums = new ExactSums();
    }

    /**
     * Reads its sums from {@code sum}, a SUM call over the same argument, rows and FILTER (so over the same values),
     * instead of adding them again: TPC-H Q1's {@code SUM(l_quantity), AVG(l_quantity)} add each value once. Only the
     * counts are this accumulator's own from then on; call before any group is added.
     */
    void shareSums(DecimalSumAccumulator sum) {
        if (capacity != 0) {
            throw new IllegalStateException("sums shared after groups were added");
        }
        sums = sum.sums();
        ownsSums = false;
    }

    @Override
    protected long bytesPerGroup() {
        return (ownsSums ? ExactSums.bytesPerGroup() : 0) + 8;
    }

    @Override
    protected void resize(int newCapacity) {
        if (ownsSums) {
            sums.resize(newCapacity);
        }
        counts = Arrays.copyOf(counts, newCapacity);
    }

    /** Shared sums are the SUM call's to reset. */
    @Override
    public void resetGroup(int group) {
        if (ownsSums) {
            sums.reset(group);
        }
        counts[group] = 0;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        ColumnVector argument = arguments[0];
        if (ownsSums) {
            sums.add(groupIds, argument, rows, count, null);
        }
        if (argument.mayHaveNulls()) {
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (!argument.isNull(row)) {
                    counts[groupIds[row]]++;
                }
            }
        } else {
            for (int i = 0; i < count; i++) {
                counts[groupIds[rows[i]]]++;
            }
        }
    }

    @Override
    public void addEveryRow(BatchGroups groups, ColumnVector[] arguments) {
        ColumnVector argument = arguments[0];
        if (argument.mayHaveNulls()) {
            add(groups.ids(), arguments, groups.rows(), groups.count());
            return;
        }
        if (ownsSums) {
            sums.addEveryRow(groups, argument, null);
        }
        CountAccumulator.countEveryRow(counts, groups);
    }

    @Override
    public ExactSums sumsAdded() {
        return ownsSums ? sums : null;
    }

    @Override
    public void addEveryRowButSums(BatchGroups groups) {
        CountAccumulator.countEveryRow(counts, groups);
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        ExactAverageAccumulator other = (ExactAverageAccumulator) source;
        if (other.ownsSums != ownsSums) {
            throw new IllegalStateException("merging an average that shares its sums with one that does not");
        }
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            int to = targetGroups[i];
            if (ownsSums) {
                sums.merge(other.sums, from, to);
            }
            counts[to] += other.counts[from];
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        PhysicalKind kind = resultType.physicalKind();
        ColumnVector vector = ColumnVector.create(kind, count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (counts[group] == 0) {
                vector.setNull(i, true);
                continue;
            }
            BigDecimal sum = new BigDecimal(sums.toBigInteger(group), inputScale);
            BigDecimal rows = BigDecimal.valueOf(counts[group]);
            if (kind == PhysicalKind.DOUBLE) {
                ((DoubleVector) vector).set(i, sum.divide(rows, MathContext.DECIMAL128).doubleValue());
                continue;
            }
            boolean decimal = resultType.kind() == TypeKind.DECIMAL;
            BigDecimal average = sum.divide(rows, decimal ? resultType.scale() : 0,
                    decimal ? RoundingMode.HALF_UP : RoundingMode.DOWN);
            BigInteger unscaled = average.unscaledValue();
            if (decimal && !Int128Arithmetic.fitsPrecision(unscaled, resultType.precision())) {
                throw Int128Arithmetic.overflow();
            }
            if (kind == PhysicalKind.INT128) {
                ((Int128Vector) vector).set(i, unscaled.shiftRight(64).longValue(), unscaled.longValue());
            } else if (unscaled.bitLength() < 64) {
                ((LongVector) vector).set(i, unscaled.longValue());
            } else {
                throw new ExecutionException(ExecutionException.NUMERIC_OUT_OF_RANGE, "average out of range for " + resultType);
            }
        }
        return vector;
    }
}
