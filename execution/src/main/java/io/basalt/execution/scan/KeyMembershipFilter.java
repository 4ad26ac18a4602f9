package io.basalt.execution.scan;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.storage.vector.LongVector;

/**
 * A compact over-approximation of a set of LONG keys (the distinct keys of a hash join's build side): their
 * range, and a blocked Bloom filter of about 16 bits per key. {@link #mightContain} is false only for a key
 * that is certainly not in the set; for other keys it errs towards true (a few percent of them), which is
 * harmless because the join still probes its hash table for every row the filter keeps.
 *
 * <p>Each key sets three bits inside one 64-bit word, so a test touches one word: a cache miss at most,
 * instead of the hash table's, and the whole filter of a build side of 100,000 keys fits in 200 KB.
 */
public final class KeyMembershipFilter {

    /** At most 2^21 words (16 MiB): beyond 8 million keys the filter gets coarser instead of bigger. */
    private static final int MAX_WORD_BITS = 21;

    private final long min;
    private final long max;
    private final long[] words;
    private final int wordShift;

    private KeyMembershipFilter(long min, long max, long[] words, int wordShift) {
        this.min = min;
        this.max = max;
        this.words = words;
        this.wordShift = wordShift;
    }

    /** The filter of {@code keys[0, count)}; no key at all gives a filter that keeps nothing. */
    public static KeyMembershipFilter of(long[] keys, int count) {
        // A power of two of words with at least 16 bits per key: about 0.2 % false positives at 3 bits a key.
        int wordBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, (long) count * 16 / 64 - 1)));
        wordBits = Math.min(wordBits, MAX_WORD_BITS);
        long[] words = new long[1 << wordBits];
        int wordShift = 64 - wordBits;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long key = keys[i];
            min = Math.min(min, key);
            max = Math.max(max, key);
            long hash = KeyHashing.mix(key);
            words[(int) (hash >>> wordShift)] |= bits(hash);
        }
        return new KeyMembershipFilter(min, max, words, wordShift);
    }

    /** Bytes the filter holds. */
    public long bytes() {
        return words.length * 8L + 32;
    }

    public boolean mightContain(long key) {
        if (key < min || key > max) {
            return false;
        }
        long hash = KeyHashing.mix(key);
        long bits = bits(hash);
        return (words[(int) (hash >>> wordShift)] & bits) == bits;
    }

    /**
     * Of the rows {@code positions[0, count)} of {@code keys} (or rows {@code 0, count) when {@code positions}
     * is null), writes those whose key might be in the set into {@code kept} and returns how many there are.
     * NULL keys are dropped: they match no key. {@code kept} may be {@code positions}.
     */
    int select(LongVector keys, int[] positions, int count, int[] kept) {
        long[] values = keys.values();
        boolean[] nulls = keys.mayHaveNulls() ? keys.nulls() : null;
        int passed = 0;
        // Keys often come in runs (lineitem is stored in l_orderkey order, about four rows an order): a row with
        // the previous row's key takes its answer without hashing or touching the bit array (a likely cache miss).
        long previousKey = 0;
        boolean previousKept = false;
        boolean havePrevious = false;
        for (int i = 0; i < count; i++) {
            int row = positions == null ? i : positions[i];
            long key = values[row];
            boolean keep;
            if (havePrevious && key == previousKey) {
                keep = previousKept;
            } else {
                keep = mightContain(key);
                previousKey = key;
                previousKept = keep;
                havePrevious = true;
            }
            if (keep && (nulls == null || !nulls[row])) {
                kept[passed++] = row;
            }
        }
        return passed;
    }

    /** Three bits of one word, from hash bits that do not choose the word. */
    private static long bits(long hash) {
        return 1L << (hash & 63) | 1L << ((hash >>> 6) & 63) | 1L << ((hash >>> 12) & 63);
    }
}
