package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * A RUN_LENGTH (or CONSTANT: one run) LONG block without NULLs kept as its runs: the value of each run and the index just past its last
 * value. A block of short runs (lineitem's l_orderkey: one to seven rows an order) is not expanded into a vector of
 * 65,536 values when a scan keeps few of its rows: those are looked up in the runs ({@link #gather}), and a test on
 * the value runs once per run ({@link #selectRuns}: a join filter on the block's column), not once per row.
 *
 * <p>Immutable once read: a cached block's runs are shared by every reader of the block
 * ({@code BlockCache.keepRuns}), so no method may write the arrays or keep per-reader state here.
 */
public final class RunLengthLongs implements EncodedLongs {

    /** Runs of at most this many rows are selected with a fixed number of writes ({@link #selectRuns}). */
    private static final int SHORT_RUN = 8;

    private final long[] values;
    /** {@code ends[r]}: the index just past run {@code r}'s last value, ascending; the last is {@link #count}. */
    private final int[] ends;

    RunLengthLongs(long[] values, int[] ends) {
        this.values = values;
        this.ends = ends;
    }

    /** RUN_LENGTH values (see {@code RunLengthLongEncoding}), checked: runs of at least one value, {@code count} in all. */
    static RunLengthLongs read(ByteSource in, int count) {
        int runs = in.readCount("run count", 1, count);
        long base = in.readLong("run value base");
        int valueWidth = in.readBitWidth("run value width", 64);
        long[] values = new long[runs];
        BitPacking.unpack(in, runs, valueWidth, base, values, 0);
        int[] ends = RunLengths.read(in, runs, count);
        int end = 0;
        for (int r = 0; r < runs; r++) {
            end += ends[r];
            ends[r] = end;
        }
        return new RunLengthLongs(values, ends);
    }

    /** Heap bytes the runs take: their values and ends, and the arrays' and this object's headers. */
    public long heapBytes() {
        return 8L * values.length + 4L * ends.length + 64;
    }

    @Override
    public int count() {
        return ends[ends.length - 1];
    }

    /** The run holding value {@code index}, or the number of runs when {@code index >= count()}. */
    private int runOf(int index) {
        return firstRunEndingAfter(index, 0, ends.length);
    }

    /** The first run in {@code [low, high]} that ends after {@code index}, or {@code high}: a binary search. */
    private int firstRunEndingAfter(int index, int low, int high) {
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= index) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Only for a few rows: each gathered row walks the runs with a branch that mispredicts about once per run.
     * Measured on lineitem's l_orderkey blocks (join filter, then the kept rows' keys): gathering beat decoding the
     * vector (one {@code Arrays.fill} per run) below about a quarter of the rows kept, and lost above.
     */
    @Override
    public boolean gathersCheaply(int n, int rows) {
        return n <= rows / 4;
    }

    @Override
    public void gather(int offset, int[] positions, int from, int n, long[] out) {
        if (n == 0) {
            return;
        }
        int run = runOf(offset + positions[from]);
        for (int i = 0; i < n; i++) {
            run = runFrom(run, offset + positions[from + i]);
            out[i] = values[run];
        }
    }

    /**
     * The run holding {@code index}, knowing the run that held the selection's previous row: that run itself, else
     * (selections ascend) the next one or a later one searched forward from it ({@link #runAfter}), else, after a jump
     * back, a search over all runs.
     */
    private int runFrom(int run, int index) {
        if (index >= ends[run]) {
            return run + 1 < ends.length && index < ends[run + 1] ? run + 1 : runAfter(run, index);
        }
        if (run > 0 && index < ends[run - 1]) {
            return runOf(index);
        }
        return run;
    }

    /**
     * The run holding {@code index}, which lies past run {@code run}: found by steps of 1, 2, 4, … runs forward, then a
     * binary search inside the last step. Rows a selective filter kept are some runs apart, where a search over all
     * the block's runs (16,000 for l_orderkey) cost a cache miss per step (9 % of a Q21 lineitem scan's samples).
     */
    private int runAfter(int run, int index) {
        int low = run + 1; // every run below low ends at or before index
        int high = low;
        int step = 1;
        while (high < ends.length && ends[high] <= index) {
            low = high + 1;
            high = low + step;
            step <<= 1;
        }
        return firstRunEndingAfter(index, low, Math.min(high, ends.length - 1));
    }

    @Override
    public void unpack(int from, int n, long[] out) {
        int run = runOf(from);
        int i = 0;
        while (i < n) {
            int stop = Math.min(n, ends[run] - from);
            Arrays.fill(out, i, stop, values[run]);
            i = stop;
            run++;
        }
    }

    @Override
    public int selectInRange(int offset, int[] positions, int count, long low, long high, int[] out) {
        return selectRuns(offset, positions, count, value -> value >= low && value <= high, out);
    }

    /**
     * Writes to {@code out} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) whose
     * value passes {@code test}, in order, and returns how many; the value of row {@code r} is value
     * {@code offset + r}. The test runs once per run that holds one of the rows, so for runs of four a quarter as
     * often as a row-by-row test; no value is copied. {@code out} may be {@code positions}: a row is written no later
     * than it is read.
     */
    public int selectRuns(int offset, int[] positions, int count, LongPredicate test, int[] out) {
        if (count == 0) {
            return 0;
        }
        int kept = 0;
        if (positions == null) {
            int end = offset + count;
            for (int run = runOf(offset), index = offset; index < end; run++) {
                int runEnd = Math.min(ends[run], end);
                int length = runEnd - index;
                int row = index - offset;
                // The run's rows are written whether it is kept or not, and only counted when it is: no branch on the
                // test's outcome (half the runs kept at random would mispredict every other run).
                writeRunRows(out, kept, row, length);
                kept += test.test(values[run]) ? length : 0;
                index = runEnd;
            }
            return kept;
        }
        int run = runOf(offset + positions[0]);
        boolean keep = test.test(values[run]);
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            int next = runFrom(run, offset + row);
            if (next != run) {
                run = next;
                keep = test.test(values[run]);
            }
            out[kept] = row;
            kept += keep ? 1 : 0;
        }
        return kept;
    }

    /**
     * As {@link PackedLongs#selectInBitmap} on every row of {@code [offset, offset + count)}, once per run: the rows
     * of the runs whose value {@code v} lies in {@code [min, min + span]} with bit {@code v - min} of {@code words} set
     * ({@code words}' last word must be zero and lie past the range's bits). The runs are tested 64 at a time into a
     * mask, without a branch, and only the passing ones write their rows: a join filter keeping one order in 25 (TPC-H
     * Q4's lineitem scan) no longer writes eight positions for every run as {@link #selectRuns} does.
     */
    public int selectInBitmap(int offset, int count, long min, long span, long[] words, int[] out) {
        if (count == 0) {
            return 0;
        }
        long outside = (long) (words.length - 1) << 6;
        int end = offset + count;
        int lastRun = runOf(end - 1);
        int kept = 0;
        for (int group = runOf(offset); group <= lastRun; group += Long.SIZE) {
            int groupEnd = Math.min(lastRun + 1, group + Long.SIZE);
            long passing = 0;
            for (int run = group; run < groupEnd; run++) {
                long at = BranchFreeComparisons.atMostOr(values[run] - min, span, outside);
                passing |= ((words[(int) (at >>> 6)] >>> at) & 1L) << (run - group);
            }
            for (; passing != 0; passing &= passing - 1) {
                int run = group + Long.numberOfTrailingZeros(passing);
                int first = Math.max(run == 0 ? 0 : ends[run - 1], offset);
                int length = Math.min(ends[run], end) - first;
                writeRunRows(out, kept, first - offset, length);
                kept += length;
            }
        }
        return kept;
    }

    /**
     * Writes rows {@code row, row + 1, …} of a run of {@code length} rows to {@code out} from index {@code at}. A short
     * run writes a fixed eight (whatever follows overwrites the excess), so the loop's length does not depend on the
     * run's; near the end of {@code out} it writes only its own.
     */
    private static void writeRunRows(int[] out, int at, int row, int length) {
        if (length <= SHORT_RUN && at + SHORT_RUN <= out.length) {
            for (int j = 0; j < SHORT_RUN; j++) {
                out[at + j] = row + j;
            }
        } else {
            for (int j = 0; j < length; j++) {
                out[at + j] = row + j;
            }
        }
    }

    @Override
    public LongVector unpackAll() {
        int count = count();
        LongVector vector = new LongVector(count);
        long[] out = vector.values();
        int start = 0;
        for (int r = 0; r < ends.length; r++) {
            int end = ends[r];
            long value = values[r];
            if (end - start <= SHORT_RUN && start + SHORT_RUN <= count) {
                // A short run writes a fixed eight values (the next runs overwrite the excess): no call, no loop whose
                // length depends on the run's (l_orderkey's runs are one to seven rows long).
                for (int j = 0; j < SHORT_RUN; j++) {
                    out[start + j] = value;
                }
            } else {
                Arrays.fill(out, start, end, value);
            }
            start = end;
        }
        vector.setPositionCount(count);
        return vector;
    }
}
