package io.basalt.execution.aggregate;

import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact per-group sums of integers and DECIMAL unscaled values, for SUM and AVG. A group's sum is a 128-bit
 * total ({@code high, low}) plus a plain long ({@code pending}) that rows are added to with a one-branch overflow
 * test: only when the long would overflow is it folded into the 128-bit total (and the row's value starts it
 * again). INT128 values that fit a long (products of short decimals typed DECIMAL(38, s) mostly do) take the same
 * path; the others are added in 128 bits directly. So a row costs one long add instead of a 128-bit add with carry
 * and overflow checks, and the sum stays exact whatever the values.
 */
final class ExactSums {

    private long[] high = new long[0];
    private long[] low = new long[0];
    private long[] pending = new long[0];

    /** Bytes of state per group. */
    static long bytesPerGroup() {
        return 24;
    }

    void resize(int newCapacity) {
        high = Arrays.copyOf(high, newCapacity);
        low = Arrays.copyOf(low, newCapacity);
        pending = Arrays.copyOf(pending, newCapacity);
    }

    /**
     * Adds rows {@code rows[0..count)} of {@code argument} (LONG or INT128) to the groups {@code groupIds[row]},
     * leaving out NULLs; {@code seen} (when given) marks the groups added to.
     */
    void add(int[] groupIds, ColumnVector argument, int[] rows, int count, boolean[] seen) {
        boolean nulls = argument.mayHaveNulls();
        if (argument instanceof LongVector longs) {
            long[] values = longs.values();
            if (!nulls && seen == null) {
                for (int i = 0; i < count; i++) {
                    int row = rows[i];
                    addLong(groupIds[row], values[row]);
                }
                return;
            }
            for (int i = 0; i < count; i++) {
                int row = rows[i];
                if (nulls && argument.isNull(row)) {
                    continue;
                }
                int group = groupIds[row];
                addLong(group, values[row]);
                if (seen != null) {
                    seen[group] = true;
                }
            }
            return;
        }
        Int128Vector wide = (Int128Vector) argument;
        long[] valueHigh = wide.high();
        long[] valueLow = wide.low();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (nulls && argument.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            long rowLow = valueLow[row];
            if (valueHigh[row] == rowLow >> 63) {
                addLong(group, rowLow);
            } else {
                Int128Arithmetic.add(high, low, group, valueHigh[row], rowLow);
            }
            if (seen != null) {
                seen[group] = true;
            }
        }
    }

    private void addLong(int group, long value) {
        pending[group] = plus(group, pending[group], value);
    }

    /**
     * {@code sum + value} for group {@code group}'s pending long; when that would overflow, {@code sum} is folded into
     * the group's 128-bit total and {@code value} starts the pending long again.
     */
    private long plus(int group, long sum, long value) {
        long result = sum + value;
        // Overflow iff both operands have the sign the result lacks (Math.addExact's test, without the exception).
        if (((sum ^ result) & (value ^ result)) < 0) {
            Int128Arithmetic.add(high, low, group, sum >> 63, sum);
            return value;
        }
        return result;
    }

    /**
     * Adds the rows of {@code runs} (LONG or INT128 {@code argument}), leaving out NULLs, a run's sum kept in a local
     * and written to its group once; {@code seen} (when given) marks the groups a non-NULL value was added to.
     */
    void addRuns(GroupRuns runs, ColumnVector argument, boolean[] seen) {
        int[] rows = runs.rows();
        int[] starts = runs.runStarts();
        int[] groups = runs.runGroups();
        boolean nulls = argument.mayHaveNulls();
        for (int r = 0; r < runs.runCount(); r++) {
            int group = groups[r];
            int end = starts[r + 1];
            long sum = pending[group];
            boolean added = false;
            if (argument instanceof LongVector longs && !nulls) {
                long[] values = longs.values();
                for (int i = starts[r]; i < end; i++) {
                    sum = plus(group, sum, values[rows[i]]);
                }
                added = end > starts[r];
            } else if (argument instanceof Int128Vector wide && !nulls) {
                long[] valueHigh = wide.high();
                long[] valueLow = wide.low();
                for (int i = starts[r]; i < end; i++) {
                    int row = rows[i];
                    long rowLow = valueLow[row];
                    if (valueHigh[row] == rowLow >> 63) {
                        sum = plus(group, sum, rowLow);
                    } else {
                        Int128Arithmetic.add(high, low, group, valueHigh[row], rowLow);
                    }
                }
                added = end > starts[r];
            } else {
                for (int i = starts[r]; i < end; i++) {
                    int row = rows[i];
                    if (nulls && argument.isNull(row)) {
                        continue;
                    }
                    added = true;
                    if (argument instanceof LongVector longs) {
                        sum = plus(group, sum, longs.values()[row]);
                        continue;
                    }
                    Int128Vector wide = (Int128Vector) argument;
                    long rowLow = wide.low()[row];
                    long rowHigh = wide.high()[row];
                    if (rowHigh == rowLow >> 63) {
                        sum = plus(group, sum, rowLow);
                    } else {
                        Int128Arithmetic.add(high, low, group, rowHigh, rowLow);
                    }
                }
            }
            pending[group] = sum;
            if (added && seen != null) {
                seen[group] = true;
            }
        }
    }

    /** Folds the pending longs of groups {@code [from, from + count)} into their 128-bit totals. */
    void fold(int from, int count) {
        for (int group = from; group < from + count; group++) {
            long value = pending[group];
            if (value != 0) {
                Int128Arithmetic.add(high, low, group, value >> 63, value);
                pending[group] = 0;
            }
        }
    }

    /** Adds group {@code from} of {@code source} (possibly this) into group {@code to}, exactly. */
    void merge(ExactSums source, int from, int to) {
        long value = source.pending[from];
        long sourceHigh = source.high[from];
        long sourceLow = source.low[from];
        Int128Arithmetic.add(high, low, to, sourceHigh, sourceLow);
        Int128Arithmetic.add(high, low, to, value >> 63, value);
    }

    /** The high 64 bits of group {@code group}'s sum; call {@link #fold} on the group first. */
    long high(int group) {
        return high[group];
    }

    /** The low 64 bits of group {@code group}'s sum; call {@link #fold} on the group first. */
    long low(int group) {
        return low[group];
    }

    BigInteger toBigInteger(int group) {
        return Int128Arithmetic.toBigInteger(high[group], low[group]).add(BigInteger.valueOf(pending[group]));
    }
}
