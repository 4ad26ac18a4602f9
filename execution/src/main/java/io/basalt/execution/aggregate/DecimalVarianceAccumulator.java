package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
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
 * Variance and standard deviation of DECIMAL values, exactly as PostgreSQL computes them for NUMERIC: per group the
 * count, the sum (128 bits) and the sum of squares (unbounded) of the unscaled values, combined once at the end as
 * {@code (n·Σx² − (Σx)²) / (n·(n−1))} (or {@code n²} for the population). The result has the call's type: DECIMAL
 * with its scale (rounded half away from zero) or DOUBLE.
 */
final class DecimalVarianceAccumulator extends GroupedAccumulator {

    private static final MathContext SQUARE_ROOT_PRECISION = new MathContext(60);

    private final Dispersion dispersion;
    private final int inputScale;
    private final LogicalType resultType;
    private long[] counts = new long[0];
    private long[] sumHigh = new long[0];
    private long[] sumLow = new long[0];
    private BigInteger[] sumSquares = new BigInteger[0];

    DecimalVarianceAccumulator(Dispersion dispersion, int inputScale, LogicalType resultType, MemoryReservation memory) {
        super(memory);
        this.dispersion = dispersion;
        this.inputScale = inputScale;
        this.resultType = resultType;
    }

    @Override
    protected long bytesPerGroup() {
        // The arrays, and a sum of squares of up to 32 bytes.
        return 24 + 8 + 48;
    }

    @Override
    protected void resize(int newCapacity) {
        counts = Arrays.copyOf(counts, newCapacity);
        sumHigh = Arrays.copyOf(sumHigh, newCapacity);
        sumLow = Arrays.copyOf(sumLow, newCapacity);
        int old = sumSquares.length;
        sumSquares = Arrays.copyOf(sumSquares, newCapacity);
        Arrays.fill(sumSquares, old, newCapacity, BigInteger.ZERO);
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int[] rows, int count) {
        ColumnVector argument = arguments[0];
        boolean nulls = argument.mayHaveNulls();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && argument.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            Int128Arithmetic.addValue(sumHigh, sumLow, group, argument, row);
            BigInteger value = argument instanceof LongVector longs ? BigInteger.valueOf(longs.values()[row])
                    : ((Int128Vector) argument).getBigInteger(row);
            sumSquares[group] = sumSquares[group].add(value.multiply(value));
            counts[group]++;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DecimalVarianceAccumulator other = (DecimalVarianceAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            int to = targetGroups[i];
            Int128Arithmetic.add(sumHigh, sumLow, to, other.sumHigh[from], other.sumLow[from]);
            sumSquares[to] = sumSquares[to].add(other.sumSquares[from]);
            counts[to] += other.counts[from];
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        ColumnVector vector = ColumnVector.create(resultType.physicalKind(), count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            long n = counts[group];
            if (n < dispersion.minimumCount()) {
                vector.setNull(i, true);
                continue;
            }
            BigInteger sum = Int128Arithmetic.toBigInteger(sumHigh[group], sumLow[group]);
            BigInteger rows = BigInteger.valueOf(n);
            BigInteger numerator = rows.multiply(sumSquares[group]).subtract(sum.multiply(sum));
            BigInteger denominator = rows.multiply(BigInteger.valueOf(dispersion.divisor(n)));
            // Unscaled values carry 10^scale each, so their squares 10^(2·scale).
            BigDecimal variance = new BigDecimal(numerator, 2 * inputScale)
                    .divide(new BigDecimal(denominator), SQUARE_ROOT_PRECISION);
            BigDecimal value = dispersion.squareRoot ? variance.sqrt(SQUARE_ROOT_PRECISION) : variance;
            set(vector, i, value);
        }
        return vector;
    }

    private void set(ColumnVector vector, int position, BigDecimal value) {
        if (resultType.physicalKind() == PhysicalKind.DOUBLE) {
            ((DoubleVector) vector).set(position, value.doubleValue());
            return;
        }
        BigInteger unscaled = value.setScale(resultType.scale(), RoundingMode.HALF_UP).unscaledValue();
        if (!Int128Arithmetic.fitsPrecision(unscaled, resultType.precision())) {
            throw Int128Arithmetic.overflow();
        }
        if (vector instanceof Int128Vector wide) {
            wide.set(position, unscaled.shiftRight(64).longValue(), unscaled.longValue());
        } else {
            ((LongVector) vector).set(position, unscaled.longValue());
        }
    }
}
