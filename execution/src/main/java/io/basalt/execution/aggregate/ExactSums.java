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
 *
 * <p>Batches whose argument declares a bound on its values ({@link LongVector#magnitudeBound}: from a block's zone map,
 * or a product's factors) skip even that test while the pending longs provably cannot overflow: {@link #pendingBound}
 * bounds every group's pending long, each batch adds its bound times its rows to it, and folding every group resets it.
 * A micro-benchmark of TPC-H Q1's four groups gave 1.82 ns a row for two sums with the test, 1.06 without.
 */
final class ExactSums {

    private long[] high = new long[0];
    private long[] low = new long[0];
    private long[] pending = new long[0];
    /**
     * A bound on the magnitude of every group's pending long ({@link Long#MAX_VALUE}: none): it grows by each batch's
     * {@link #batchBound} (a checked add leaves a pending long at most that much larger, or restarts it with one
     * value), folding all groups resets it, and adds whose batch bound fits below 2<sup>63</sup> with it cannot overflow.
     */
    private long pendingBound;

    /** Bytes of state per group. */
    static long bytesPerGroup() {
        return 24;
    }

    void resize(int newCapacity) {
        high = Arrays.copyOf(high, newCapacity);
        low = Arrays.copyOf(low, newCapacity);
        pending = Arrays.copyOf(pending, newCapacity);
    }

    /** Makes group {@code group}'s sum zero; {@link #pendingBound} stays a bound. */
    void reset(int group) {
        high[group] = 0;
        low[group] = 0;
        pending[group] = 0;
    }

    /**
     * {@link #add(int[], ColumnVector, int[], int, boolean[])} of every row of a batch (see {@link Accumulator#addEveryRow}):
     * NULL-free arguments are added without reading the row list, and groups are marked seen per group when the batch
     * has few.
     */
    void addEveryRow(BatchGroups groups, ColumnVector argument, boolean[] seen) {
        if (argument.mayHaveNulls()) {
            add(groups.ids(), argument, groups.rows(), groups.count(), seen);
            return;
        }
        if (addsUnchecked(argument, groups)) {
            long[] values = ((LongVector) argument).values();
            if (groups.groupCount() == 1) {
                addEveryLongToOneUnchecked(0, values, groups.count());
            } else {
                addEveryLongUnchecked(groups.ids(), values, groups.count());
            }
        } else if (groups.groupCount() == 1) {
            addEveryRowToOne(0, argument, groups.count());
        } else {
            addEveryRow(groups.ids(), argument, groups.count());
        }
        if (seen != null) {
            markSeen(groups, seen);
        }
    }

    /** Marks seen the groups of a batch's rows: per group when the batch has few ({@link BatchGroups#rowCounts}). */
    static void markSeen(BatchGroups groups, boolean[] seen) {
        int[] rowCounts = groups.rowCounts();
        if (rowCounts != null) {
            for (int group = 0; group < rowCounts.length; group++) {
                seen[group] |= rowCounts[group] > 0;
            }
            return;
        }
        int[] groupIds = groups.ids();
        for (int row = 0; row < groups.count(); row++) {
            seen[groupIds[row]] = true;
        }
    }

    /**
     * Adds every row of each NULL-free {@code arguments[k]} (LONG or INT128) to {@code sums[k]}, for {@code k < n}
     * (distinct sums), two sums per pass over the rows, LONG arguments paired first: a pass reads each row's group
     * once for both, and two independent sums keep the processor busier than one. A micro-benchmark (Q1's group mix,
     * 65,536-row batches) gave 1.15 ns per row and value one sum at a time, 0.82 two at a time.
     */
    static void addEveryRow(BatchGroups groups, ExactSums[] sums, ColumnVector[] arguments, int n) {
        int[] order = new int[n];
        boolean[] unchecked = new boolean[n];
        int next = 0;
        int uncheckedCount = 0;
        for (int k = 0; k < n; k++) {
            unchecked[k] = sums[k].addsUnchecked(arguments[k], groups);
            if (unchecked[k]) {
                order[next++] = k;
                uncheckedCount++;
            }
        }
        for (int k = 0; k < n; k++) {
            if (!unchecked[k] && arguments[k] instanceof LongVector) {
                order[next++] = k;
            }
        }
        for (int k = 0; k < n; k++) {
            if (!unchecked[k] && !(arguments[k] instanceof LongVector)) {
                order[next++] = k;
            }
        }
        int[] groupIds = groups.ids();
        int count = groups.count();
        if (groups.groupCount() == 1) {
            for (int k = 0; k < n; k++) {
                if (unchecked[k]) {
                    sums[k].addEveryLongToOneUnchecked(0, ((LongVector) arguments[k]).values(), count);
                } else {
                    sums[k].addEveryRowToOne(0, arguments[k], count);
                }
            }
            return;
        }
        int k = 0;
        for (; k + 1 < uncheckedCount; k += 2) {
            int first = order[k];
            int second = order[k + 1];
            addPairUnchecked(groupIds, count, sums[first], ((LongVector) arguments[first]).values(), sums[second],
                    ((LongVector) arguments[second]).values());
        }
        if (k < uncheckedCount) {
            sums[order[k]].addEveryLongUnchecked(groupIds, ((LongVector) arguments[order[k]]).values(), count);
            k++;
        }
        for (; k + 1 < n; k += 2) {
            int first = order[k];
            int second = order[k + 1];
            addPair(groupIds, count, sums[first], arguments[first], sums[second], arguments[second]);
        }
        if (k < n) {
            sums[order[k]].addEveryRow(groupIds, arguments[order[k]], count);
        }
    }

    /**
     * Whether a NULL-free batch of {@code argument} may be added to every row's group without the overflow test, and if
     * so reserves its room in {@link #pendingBound}; when the room is short, every group is folded first (only if there
     * are no more groups than the batch has rows, so that folding costs less than the batch). When not, records that the
     * checked add to come grows the pending longs by the batch's bound.
     */
    private boolean addsUnchecked(ColumnVector argument, BatchGroups groups) {
        long batch = batchBound(argument, groups.count());
        if (batch == Long.MAX_VALUE || !(argument instanceof LongVector)) {
            pendingBound = grown(pendingBound, batch);
            return false;
        }
        if (batch > Long.MAX_VALUE - pendingBound) {
            if (groups.groupCount() > groups.count()) {
                pendingBound = grown(pendingBound, batch);
                return false;
            }
            fold(0, groups.groupCount());
            pendingBound = 0;
        }
        pendingBound += batch;
        return true;
    }

    /**
     * A bound on what {@code rows} values of {@code argument} add to a sum: its declared magnitude bound times the rows,
     * or {@link Long#MAX_VALUE} when it has none or the product does not fit below that.
     */
    private static long batchBound(ColumnVector argument, int rows) {
        if (!(argument instanceof LongVector longs) || longs.magnitudeBound() == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long bound = longs.magnitudeBound();
        return Math.multiplyHigh(bound, rows) == 0 && bound * rows >= 0 ? bound * rows : Long.MAX_VALUE;
    }

    /** {@code bound + batch}, or {@link Long#MAX_VALUE} when that does not fit below it. */
    private static long grown(long bound, long batch) {
        return batch >= Long.MAX_VALUE - bound ? Long.MAX_VALUE : bound + batch;
    }

    /** {@link #addPair} of two arguments {@link #addsUnchecked} admitted: plain adds, no overflow test. */
    private static void addPairUnchecked(int[] groupIds, int count, ExactSums first, long[] firstValues, ExactSums second,
            long[] secondValues) {
        long[] firstPending = first.pending;
        long[] secondPending = second.pending;
        for (int row = 0; row < count; row++) {
            int group = groupIds[row];
            firstPending[group] += firstValues[row];
            secondPending[group] += secondValues[row];
        }
    }

    private void addEveryLongUnchecked(int[] groupIds, long[] values, int count) {
        long[] sums = pending;
        for (int row = 0; row < count; row++) {
            sums[groupIds[row]] += values[row];
        }
    }

    private void addEveryLongToOneUnchecked(int group, long[] values, int count) {
        long sum = pending[group];
        for (int row = 0; row < count; row++) {
            sum += values[row];
        }
        pending[group] = sum;
    }

    /** {@link #addEveryRow(int[], ColumnVector, int)} of two NULL-free arguments into two sums, in one pass. */
    private static void addPair(int[] groupIds, int count, ExactSums first, ColumnVector firstArgument, ExactSums second,
            ColumnVector secondArgument) {
        long[] firstLow = lowOrLong(firstArgument);
        long[] firstHigh = firstArgument instanceof Int128Vector wide ? wide.high() : null;
        long[] secondLow = lowOrLong(secondArgument);
        long[] secondHigh = secondArgument instanceof Int128Vector wide ? wide.high() : null;
        for (int row = 0; row < count; row++) {
            int group = groupIds[row];
            long firstValue = firstLow[row];
            if (firstHigh == null || firstHigh[row] == firstValue >> 63) {
                first.addLong(group, firstValue);
            } else {
                Int128Arithmetic.add(first.high, first.low, group, firstHigh[row], firstValue);
            }
            long secondValue = secondLow[row];
            if (secondHigh == null || secondHigh[row] == secondValue >> 63) {
                second.addLong(group, secondValue);
            } else {
                Int128Arithmetic.add(second.high, second.low, group, secondHigh[row], secondValue);
            }
        }
    }

    /** A LONG argument's values, or an INT128 argument's low 64 bits. */
    private static long[] lowOrLong(ColumnVector argument) {
        return argument instanceof LongVector longs ? longs.values() : ((Int128Vector) argument).low();
    }

    /**
     * Adds rows {@code rows[0..count)} of {@code argument} (LONG or INT128) to the groups {@code groupIds[row]},
     * leaving out NULLs; {@code seen} (when given) marks the groups added to.
     */
    void add(int[] groupIds, ColumnVector argument, int[] rows, int count, boolean[] seen) {
        pendingBound = grown(pendingBound, batchBound(argument, count));
        boolean nulls = argument.mayHaveNulls();
        if (argument instanceof LongVector longs) {
            if (!nulls && seen == null) {
                addLongs(groupIds, longs.values(), rows, count);
            } else {
                addLongs(groupIds, longs, rows, count, seen);
            }
        } else {
            addWide(groupIds, (Int128Vector) argument, rows, count, seen);
        }
    }

    // One loop a method (see PackedLongs): a loop compiled inside a dispatcher before it ran kept addLong as a call.

    private void addLongs(int[] groupIds, long[] values, int[] rows, int count) {
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            addLong(groupIds[row], values[row]);
        }
    }

    private void addLongs(int[] groupIds, LongVector argument, int[] rows, int count, boolean[] seen) {
        boolean nulls = argument.mayHaveNulls();
        long[] values = argument.values();
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
    }

    private void addWide(int[] groupIds, Int128Vector argument, int[] rows, int count, boolean[] seen) {
        boolean nulls = argument.mayHaveNulls();
        long[] valueHigh = argument.high();
        long[] valueLow = argument.low();
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

    /** Adds rows {@code 0 .. count-1} of a NULL-free {@code argument}: the loops of {@link #add} without the row indirection. */
    private void addEveryRow(int[] groupIds, ColumnVector argument, int count) {
        if (argument instanceof LongVector longs) {
            addEveryLong(groupIds, longs.values(), count);
        } else {
            addEveryWide(groupIds, (Int128Vector) argument, count);
        }
    }

    private void addEveryLong(int[] groupIds, long[] values, int count) {
        for (int row = 0; row < count; row++) {
            addLong(groupIds[row], values[row]);
        }
    }

    private void addEveryWide(int[] groupIds, Int128Vector argument, int count) {
        long[] valueHigh = argument.high();
        long[] valueLow = argument.low();
        for (int row = 0; row < count; row++) {
            long rowLow = valueLow[row];
            if (valueHigh[row] == rowLow >> 63) {
                addLong(groupIds[row], rowLow);
            } else {
                Int128Arithmetic.add(high, low, groupIds[row], valueHigh[row], rowLow);
            }
        }
    }

    /**
     * Adds rows {@code 0 .. count-1} of a NULL-free {@code argument} to group {@code group} alone (every row of a batch
     * of one group: an aggregate without GROUP BY). The running sum stays in a register: with the group read per row,
     * each add loaded the sum the previous row had just stored and waited for that store (1.8 ns a row summing
     * {@code ps_supplycost} over TPC-H's partsupp).
     */
    private void addEveryRowToOne(int group, ColumnVector argument, int count) {
        if (argument instanceof LongVector longs) {
            addEveryLongToOne(group, longs.values(), count);
        } else {
            addEveryWideToOne(group, (Int128Vector) argument, count);
        }
    }

    private void addEveryLongToOne(int group, long[] values, int count) {
        long sum = pending[group];
        for (int row = 0; row < count; row++) {
            sum = plus(group, sum, values[row]);
        }
        pending[group] = sum;
    }

    private void addEveryWideToOne(int group, Int128Vector argument, int count) {
        long[] valueHigh = argument.high();
        long[] valueLow = argument.low();
        long sum = pending[group];
        for (int row = 0; row < count; row++) {
            long value = valueLow[row];
            if (valueHigh[row] == value >> 63) {
                sum = plus(group, sum, value);
            } else {
                Int128Arithmetic.add(high, low, group, valueHigh[row], value);
            }
        }
        pending[group] = sum;
    }

    private void addLong(int group, long value) {
        pending[group] = plus(group, pending[group], value);
    }

    /**
     * Group {@code group}'s pending long {@code sum} plus {@code value}; when that would overflow, {@code sum} is folded
     * into the group's 128-bit total and {@code value} starts the pending long again.
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
