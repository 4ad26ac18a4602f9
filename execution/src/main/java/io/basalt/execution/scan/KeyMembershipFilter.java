package io.basalt.execution.scan;

import io.basalt.storage.encoding.EncodedLongs;
import io.basalt.storage.encoding.RunLengthLongs;

import java.util.function.LongPredicate;
import io.basalt.storage.vector.LongVector;

/**
 * A compact over-approximation of a set of LONG keys (the distinct keys of a hash join's build side), for a scan
 * on the probe side to drop rows whose key cannot match. {@link #mightContain} is false only for a key that is
 * certainly not in the set; for other keys it may err towards true, which is harmless because the join still
 * probes its hash table for every row the filter keeps.
 *
 * <p>Two forms, chosen by {@link #of}: keys that fill a narrow range (surrogate keys: TPC-H's customer, order,
 * part and supplier keys) get an exact bitmap of the range ({@link KeyBitmapFilter}), one bit test per row and,
 * for a probe column stored in key order (lineitem by l_orderkey), a sequential walk through memory; so do keys of any
 * density whose range fits a cache-sized bitmap; other sparse keys get a blocked Bloom filter ({@link BloomKeyFilter})
 * of about 16 bits per key.
 */
public abstract sealed class KeyMembershipFilter permits KeyBitmapFilter, BloomKeyFilter {

    /**
     * A bitmap may take up to this many times the bits of the Bloom filter it replaces: it is exact (no false
     * positives), needs no hashing, and rows in key order read it sequentially instead of at random. At 4, TPC-H
     * Q8's 43,000 order keys (a span of 6 million) still got a Bloom filter, 5 % of Q5, Q7, Q3 and Q8's samples.
     */
    private static final long BITMAP_OVER_BLOOM = 8;

    /**
     * A bitmap of up to this many bits (256 KiB, a quarter of a core's L2 cache here) is taken whatever the Bloom filter
     * would cost: it stays cached as well, and a bit test is about a third of a Bloom test (1.3 against 3.6 ns per key
     * in the ninth session's micro-benchmarks). TPC-H Q19's 485 part keys (span 200,000) and Q2's 747 got a Bloom
     * filter under the ratio alone: its test was 24 % of Q19's samples.
     */
    private static final long CACHED_BITMAP_BITS = 1L << 21;

    /** At most 2^27 bits (16 MiB), the Bloom filter's own bound. */
    private static final long MAX_BITMAP_BITS = 1L << 27;

    /** The filter of {@code keys[0, count)}; no key at all gives a filter that keeps nothing. */
    public static KeyMembershipFilter of(long[] keys, int count) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, keys[i]);
            max = Math.max(max, keys[i]);
        }
        if (count == 0) {
            return KeyBitmapFilter.EMPTY;
        }
        // max - min overflows (to a negative) only for a range wider than Long.MAX_VALUE: no bitmap then.
        long span = max - min;
        long bitmapLimit = Math.max(CACHED_BITMAP_BITS, BITMAP_OVER_BLOOM * BloomKeyFilter.bitsFor(count));
        if (span >= 0 && span < Math.min(MAX_BITMAP_BITS, bitmapLimit)) {
            return KeyBitmapFilter.of(keys, count, min, span);
        }
        return BloomKeyFilter.of(keys, count, min, max);
    }

    /** Bytes the filter holds. */
    public abstract long bytes();

    public abstract boolean mightContain(long key);

    /**
     * Of the rows {@code positions[0, count)} of {@code keys} (or rows {@code 0, count) when {@code positions}
     * is null), writes those whose key might be in the set into {@code kept} and returns how many there are.
     * NULL keys are dropped: they match no key. {@code kept} may be {@code positions}.
     */
    abstract int select(LongVector keys, int[] positions, int count, int[] kept);

    /**
     * As {@link #select}, on a key column whose block is still encoded (no NULLs): the key of row {@code r} is value
     * {@code offset + r} of {@code encoded}, and the block's column vector is never built (for a selective filter, the
     * few kept rows' keys are gathered again later). A run-length block is tested once per run
     * ({@link RunLengthLongs#selectRuns}); of other blocks the keys of those rows only are unpacked,
     * {@code chunk.length} at a time into {@code chunk}, and tested while they are in the cache. {@code fewKept} says
     * whether the filter has kept few of the rows it tested so far: a test on packed keys may then branch on the outcome.
     */
    final int selectEncoded(EncodedLongs encoded, int offset, int[] positions, int count, int[] kept, long[] chunk,
                            boolean fewKept) {
        int packedPassed = selectPacked(encoded, offset, positions, count, kept, fewKept);
        if (packedPassed >= 0) {
            return packedPassed;
        }
        if (encoded instanceof RunLengthLongs runs) {
            return runs.selectRuns(offset, positions, count, runTest(), kept);
        }
        int passed = 0;
        for (int from = 0; from < count; from += chunk.length) {
            int n = Math.min(chunk.length, count - from);
            if (positions == null) {
                encoded.unpack(offset + from, n, chunk);
            } else {
                encoded.gather(offset, positions, from, n, chunk);
            }
            passed = keepMatching(chunk, positions, from, n, kept, passed);
        }
        return passed;
    }

    /**
     * {@link #selectEncoded} on keys the filter can test in their encoded form as they are read (a bitmap on
     * bit-packed keys or on the runs of a run-length block), or -1 when it cannot and the keys are tested once per run
     * or unpacked a chunk at a time.
     */
    int selectPacked(EncodedLongs encoded, int offset, int[] positions, int count, int[] kept, boolean fewKept) {
        return -1;
    }

    /** {@link #mightContain} as the test {@link #selectEncoded} applies once per run of a run-length block. */
    LongPredicate runTest() {
        return this::mightContain;
    }

    /**
     * For {@code i < n}, appends row {@code positions[from + i]} ({@code from + i} when {@code positions} is null) to
     * {@code kept} from index {@code passed} on when its key {@code keys[i]} might be in the set; returns the new
     * number of kept rows. {@code kept} may be {@code positions}: a row is written no later than it is read.
     */
    abstract int keepMatching(long[] keys, int[] positions, int from, int n, int[] kept, int passed);
}
