package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;

/**
 * A DELTA LONG block without NULLs (see {@code DeltaLongEncoding}) kept as its first value and its packed
 * differences, so a scan that keeps few of its rows never writes the block's 65,536 values out. Rows read in order
 * (a scan's batches, a selection's rows) are summed forward from the last one read; a row before that is the nearest
 * {@link #STRIDE checkpoint} below it plus at most 31 differences, the checkpoints summed once when first needed (one
 * bit count per 32 values for differences of one bit: partsupp's part keys; by multiplication when every difference
 * is the same: the other tables' unique keys). Decoding whole blocks into vectors of fresh memory was 57 % of TPC-H
 * Q2's CPU at scale factor 10, where its two partsupp scans keep 5,000 of 8 million rows each.
 *
 * <p>When every difference is at least 0 and their sum cannot overflow, the values never decrease
 * ({@link #isAscending}) and a value's first row is found by a binary search over the checkpoints
 * ({@link #firstAtLeast}): a range or a few keys are looked up without reading the rows between them.
 */
public final class DeltaLongs implements EncodedLongs {

    /** Values from one checkpoint to the next. */
    static final int STRIDE = 32;

    /**
     * Selected rows at most this far apart on average are read from values summed a chunk at a time
     * ({@link #gatherDense}, {@link #selectDenseInBitmapAt}); sparser ones by walking from row to row.
     */
    static final int DENSE_SPACING = 8;

    /** The rows whose values one chunk holds (8 kB). */
    static final int DENSE_CHUNK = 1024;

    private final long first;
    /** Difference {@code i} is value {@code i + 1} minus value {@code i}; {@link #count} − 1 of them. */
    private final PackedLongs differences;
    private final int count;
    private final boolean ascending;
    /** Whether every difference is the same (packed in 0 bits): value {@code i} is then {@code first + i × step}. */
    private final boolean evenSteps;
    private final long step;
    /** Value {@code c × STRIDE} for each {@code c}, or null until first needed. */
    private long[] checkpoints;
    /** The index and value {@link #walkTo} gave last: a walk forward starts there. */
    private int walkIndex;
    private long walkValue;

    private DeltaLongs(long first, PackedLongs differences, int count, boolean ascending, boolean evenSteps, long step) {
        this.first = first;
        this.differences = differences;
        this.count = count;
        this.ascending = ascending;
        this.evenSteps = evenSteps;
        this.step = step;
        this.walkValue = first;
    }

    /** DELTA values: {@code i64 first, i64 minDelta, u8 width, packed(delta - minDelta)}, checked for length. */
    static DeltaLongs read(ByteSource in, int count) {
        long first = in.readLong("delta first value");
        long minDelta = in.readLong("delta minimum");
        int width = in.readBitWidth("delta width", 64);
        PackedLongs differences = PackedLongs.frameOfReference(in, count - 1, width, minDelta);
        boolean ascending = minDelta >= 0 && width < 62
                && neverOverflows(first, minDelta + (1L << width) - 1, count - 1);
        return new DeltaLongs(first, differences, count, ascending, width == 0, minDelta);
    }

    /**
     * Whether {@code first + steps × largestDelta} stays well below Long.MAX_VALUE (largestDelta itself may have
     * wrapped): otherwise a wrapped sum of non-negative differences could step down.
     */
    private static boolean neverOverflows(long first, long largestDelta, int steps) {
        return largestDelta >= 0 && (double) first + (double) largestDelta * steps < 0x1p62;
    }

    @Override
    public int count() {
        return count;
    }

    /** Whether the values never decrease (known from the differences' minimum and width, not by reading them). */
    public boolean isAscending() {
        return ascending;
    }

    /** Value {@code index}: its checkpoint plus at most {@link #STRIDE} − 1 differences. */
    public long valueAt(int index) {
        if (evenSteps) {
            return first + index * step;
        }
        int checkpoint = index / STRIDE;
        return checkpoints()[checkpoint] + differences.sum(checkpoint * STRIDE, index - checkpoint * STRIDE);
    }

    private long[] checkpoints() {
        if (checkpoints == null) {
            long[] sums = new long[(count - 1) / STRIDE + 1];
            long value = first;
            sums[0] = value;
            for (int c = 1; c < sums.length; c++) {
                value += evenSteps ? STRIDE * step : differences.sum((c - 1) * STRIDE, STRIDE);
                sums[c] = value;
            }
            checkpoints = sums;
        }
        return checkpoints;
    }

    /**
     * Value {@code target}, summed forward from the value this gave last when {@code target} is not before it (the
     * rows of a selection ascend, and so do a scan's batches), else from its checkpoint; a scan of the block's rows in
     * order never sums the checkpoints (a pass over every difference, as long as decoding the block for differences of
     * several bits: orders' keys). The differences walked over are summed by bit planes when narrow
     * ({@link PackedLongs#sum}): a few bit counts, not one extraction per row skipped (partsupp's one-bit part keys,
     * where a scan keeping one row in 25 had walked 25 differences one by one: 15 % of TPC-H Q11's worker CPU). One
     * block is read by one thread.
     */
    private long walkTo(int target) {
        if (evenSteps) {
            return first + target * step;
        }
        if (target >= walkIndex && (checkpoints == null || target - walkIndex < STRIDE)) {
            walkValue += differences.sum(walkIndex, target - walkIndex);
        } else {
            walkValue = valueAt(target);
        }
        walkIndex = target;
        return walkValue;
    }

    /**
     * Of an {@link #isAscending ascending} block, the first index in {@code [from, end)} whose value is at least
     * {@code key}, or {@code end}: a binary search over the checkpoints, then a walk of at most {@link #STRIDE} values.
     */
    public int firstAtLeast(int from, int end, long key) {
        if (from >= end) {
            return end;
        }
        long[] sums = checkpoints();
        int index = from;
        long value = valueAt(from);
        // The last checkpoint before end whose value is below key, if it lies after from: start the walk there.
        int low = from / STRIDE + 1;
        int high = (end - 1) / STRIDE;
        if (value < key && low <= high && sums[low] < key) {
            while (low < high) {
                int middle = (low + high + 1) >>> 1;
                if (sums[middle] < key) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            index = low * STRIDE;
            value = sums[low];
        }
        while (value < key) {
            index++;
            if (index >= end) {
                return end;
            }
            value += differences.valueAt(index - 1);
        }
        return index;
    }

    /**
     * A gathered row costs the differences since the previous one (about 0.8 ns each): in a micro-benchmark of a block
     * of orders-like keys (differences of 3 bits) gathering beat decoding the vector and selecting from it up to about
     * an eighth of the rows (63 against 65 µs a block), and lost at a quarter (91 against 75).
     */
    @Override
    public boolean gathersCheaply(int n, int rows) {
        return evenSteps || n <= rows / 6;
    }

    @Override
    public void gather(int offset, int[] positions, int from, int n, long[] out) {
        if (n > 0 && isDense(positions, from, n)) {
            gatherDense(offset, positions, from, n, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = walkTo(offset + positions[from + i]);
        }
    }

    /** Whether the rows {@code positions[from, from + n)} are close enough to read a chunk of values at a time. */
    private boolean isDense(int[] positions, int from, int n) {
        return !evenSteps && (long) n * DENSE_SPACING >= positions[from + n - 1] - positions[from] + 1;
    }

    /** {@link #gather} of rows close together: values a chunk at a time, as {@link #selectDenseInBitmapAt}. */
    private void gatherDense(int offset, int[] positions, int from, int n, long[] out) {
        int to = from + n;
        long[] chunk = newChunk(positions, from, to);
        int i = from;
        while (i < to) {
            int chunkStart = positions[i];
            int end = fillChunk(offset, positions, i, to, chunk);
            for (int k = i; k < end; k++) {
                out[k - from] = chunk[positions[k] - chunkStart];
            }
            i = end;
        }
    }

    /** A chunk for the rows {@code positions[from, to)}: as long as their stretch, at most {@link #DENSE_CHUNK}. */
    private static long[] newChunk(int[] positions, int from, int to) {
        return new long[Math.min(positions[to - 1] - positions[from] + 1, DENSE_CHUNK)];
    }

    /**
     * Sums into {@code chunk} the values of the rows from {@code positions[i]} on (as many as it holds, none past
     * {@code positions[to - 1]}), and returns the first index in {@code [i, to)} whose row lies past them, or
     * {@code to}.
     */
    private int fillChunk(int offset, int[] positions, int i, int to, long[] chunk) {
        int chunkStart = positions[i];
        int chunkLength = Math.min(chunk.length, positions[to - 1] - chunkStart + 1);
        valuesInto(offset + chunkStart, chunkLength, chunk);
        int rowEnd = chunkStart + chunkLength;
        int end = i;
        while (end < to && positions[end] < rowEnd) {
            end++;
        }
        return end;
    }

    @Override
    public void unpack(int from, int n, long[] out) {
        if (n > 0) {
            valuesInto(from, n, out);
        }
    }

    /**
     * {@inheritDoc} An ascending block's rows in the range are found by two searches and never compared one by one;
     * other blocks are compared as their values are summed.
     */
    @Override
    public int selectInRange(int offset, int[] positions, int count, long low, long high, int[] out) {
        if (count == 0 || low > high) {
            return 0;
        }
        int kept = 0;
        if (positions == null && ascending) {
            int end = offset + count;
            int begin = firstAtLeast(offset, end, low);
            int stop = high == Long.MAX_VALUE ? end : firstAtLeast(begin, end, high + 1);
            for (int index = begin; index < stop; index++) {
                out[kept++] = index - offset;
            }
            return kept;
        }
        if (positions == null) {
            long value = walkTo(offset);
            for (int i = 0; i < count; i++) {
                out[kept] = i;
                kept += value >= low && value <= high ? 1 : 0;
                if (i + 1 < count) {
                    value += differences.valueAt(offset + i);
                }
            }
            return kept;
        }
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long value = walkTo(offset + row);
            out[kept] = row;
            kept += value >= low && value <= high ? 1 : 0;
        }
        return kept;
    }

    /**
     * As {@link PackedLongs#selectInBitmap}, on the values as they are summed: the rows of {@code positions[0, count)}
     * (all of {@code [0, count)} when null) whose value {@code v} lies in {@code [min, min + span]} with bit
     * {@code v - min} of {@code words} set; {@code words}' last word must be zero and lie past the range's bits.
     */
    public int selectInBitmap(int offset, int[] positions, int count, long min, long span, long[] words, int[] out) {
        if (count == 0) {
            return 0;
        }
        long outside = (long) (words.length - 1) << 6;
        return positions == null
                ? selectInBitmap(offset, count, min, span, outside, words, out)
                : selectInBitmapAt(offset, positions, count, min, span, outside, words, out);
    }

    /** {@link #selectInBitmap} of the consecutive rows {@code [0, count)}, one loop a method as in {@link PackedLongs}. */
    private int selectInBitmap(int offset, int count, long min, long span, long outside, long[] words, int[] out) {
        int kept = 0;
        long value = walkTo(offset);
        for (int i = 0; i < count; i++) {
            long at = BranchFreeComparisons.atMostOr(value - min, span, outside);
            out[kept] = i;
            kept += (int) (words[(int) (at >>> 6)] >>> at) & 1;
            if (i + 1 < count) {
                value += differences.valueAt(offset + i);
            }
        }
        return kept;
    }

    private int selectInBitmapAt(int offset, int[] positions, int count, long min, long span, long outside,
                                 long[] words, int[] out) {
        if (isDense(positions, 0, count)) {
            return selectDenseInBitmapAt(offset, positions, count, min, span, outside, words, out);
        }
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long at = BranchFreeComparisons.atMostOr(walkTo(offset + row) - min, span, outside);
            out[kept] = row;
            kept += (int) (words[(int) (at >>> 6)] >>> at) & 1;
        }
        return kept;
    }

    /**
     * {@link #selectInBitmapAt} of rows close together: the values of a stretch of rows at a time are summed into a
     * chunk in one pass over their differences, and the selected rows read there. Walking from selected row to selected
     * row summed a few differences by bit planes each time, whose fixed cost dominated when rows are a few apart (TPC-H
     * Q8's orders, one row in three kept by the date filter before the key test: 9.5 % of its CPU).
     */
    private int selectDenseInBitmapAt(int offset, int[] positions, int count, long min, long span, long outside,
                                      long[] words, int[] out) {
        long[] chunk = newChunk(positions, 0, count);
        int kept = 0;
        int i = 0;
        while (i < count) {
            int chunkStart = positions[i];
            // Found before selectInChunk overwrites the positions before it (out may be positions): kept <= i, so
            // positions[count - 1], which fillChunk reads, is never overwritten before the last chunk.
            int end = fillChunk(offset, positions, i, count, chunk);
            kept = selectInChunk(positions, i, end, chunkStart, chunk, min, span, outside, words, out, kept);
            i = end;
        }
        return kept;
    }

    private static int selectInChunk(int[] positions, int from, int to, int chunkStart, long[] chunk, long min,
                                     long span, long outside, long[] words, int[] out, int kept) {
        for (int i = from; i < to; i++) {
            int row = positions[i];
            long at = BranchFreeComparisons.atMostOr(chunk[row - chunkStart] - min, span, outside);
            out[kept] = row;
            kept += (int) (words[(int) (at >>> 6)] >>> at) & 1;
        }
        return kept;
    }

    /** Values {@code [from, from + n)} into {@code out[0, n)}; a later walk continues from the last of them. */
    private void valuesInto(int from, int n, long[] out) {
        differences.runningSums(from, n, walkTo(from), out);
        walkIndex = from + n - 1;
        walkValue = out[n - 1];
    }

    @Override
    public LongVector unpackAll() {
        LongVector vector = new LongVector(count);
        unpackInto(vector.values());
        vector.setPositionCount(count);
        return vector;
    }

    /** Every value into {@code out[0, count)}, in one pass over the differences. */
    void unpackInto(long[] out) {
        differences.runningSums(0, count, first, out);
    }
}
