package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact SUM of DECIMAL (and integer) values with a DECIMAL result: unscaled values (short decimals as
 * LONG, long decimals as INT128) are added in 128 bits, and the total must fit the result's precision,
 * else 22003.
 */
final class DecimalSumAccumulator extends GroupedAccumulator {

    private final LogicalType resultType;
    private long[] high = new long[0];
    private long[] low = new long[0];
    private boolean[] seen = new boolean[0];

    DecimalSumAccumulator(LogicalType resultType, MemoryReservation memory) {
        super(memory);
        this.resultType = resultType;
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
        ColumnVector argument = arguments[0];
        boolean nulls = argument.mayHaveNulls();
        if (argument instanceof LongVector longs) {
            long[] data = longs.values();
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (nulls && argument.isNull(row)) {
                    continue;
                }
                int group = groupIds[row];
                long value = data[row];
                Int128Arithmetic.add(high, low, group, value >> 63, value);
                seen[group] = true;
            }
            return;
        }
        Int128Vector wide = (Int128Vector) argument;
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && argument.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            Int128Arithmetic.add(high, low, group, wide.high()[row], wide.low()[row]);
            seen[group] = true;
        }
    }

    @Override
    public void merge(Accumulator source, int[] sourceGroups, int[] targetGroups, int count) {
        DecimalSumAccumulator other = (DecimalSumAccumulator) source;
        for (int i = 0; i < count; i++) {
            int from = sourceGroups[i];
            if (other.seen[from]) {
                int to = targetGroups[i];
                Int128Arithmetic.add(high, low, to, other.high[from], other.low[from]);
                seen[to] = true;
            }
        }
    }

    @Override
    public ColumnVector result(int from, int count) {
        boolean wide = resultType.physicalKind() == PhysicalKind.INT128;
        ColumnVector vector = ColumnVector.create(resultType.physicalKind(), count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            int group = from + i;
            if (!seen[group]) {
                vector.setNull(i, true);
                continue;
            }
            BigInteger sum = Int128Arithmetic.toBigInteger(high[group], low[group]);
            if (!Int128Arithmetic.fitsPrecision(sum, resultType.precision())) {
                throw Int128Arithmetic.overflow();
            }
            if (wide) {
                ((Int128Vector) vector).set(i, high[group], low[group]);
            } else {
                ((LongVector) vector).set(i, low[group]);
            }
        }
        return vector;
    }
}
