package io.basalt.execution.scan;

import io.basalt.execution.hash.KeyHashing;
import io.basalt.storage.encoding.BranchFreeComparisons;
import io.basalt.storage.vector.LongVector;

/**
 * A set of sparse LONG keys as their range and a blocked Bloom filter of about 16 bits per key: it errs towards
 * true for a few keys in a thousand (see {@link KeyMembershipFilter}).
 *
 * <p>Each key sets three bits inside one 64-bit word, so a test touches one word: a cache miss at most,
 * instead of the hash table's, and the whole filter of a build side of 100,000 keys fits in 200 KB.
 *
 * <p>The batch tests have no branch on the outcome ({@link #test}): every key is hashed and its word read, even
 * one outside the range, and the two tests are combined as 0/1 values; a short-circuit would mispredict whenever
 * the outcome is random, as it is for the sparse keys a Bloom filter serves.
 */
final class BloomKeyFilter extends KeyMembershipFilter {

    /** At most 2^21 words (16 MiB): beyond 8 million keys the filter gets coarser instead of bigger. */
    private static final int MAX_WORD_BITS = 21;

    private final long min;
    private final long max;
    /** {@code max - min}, compared unsigned: keys outside the range give larger offsets, even when it wraps. */
    private final long span;
    private final long[] words;
    private final int wordShift;

    private BloomKeyFilter(long min, long max, long[] words, int wordShift) {
        this.min = min;
        this.max = max;
        this.span = max - min;
        this.words = words;
        this.wordShift = wordShift;
    }

    /** The Bloom filter's size in bits for {@code count} keys: a power of two of words, at least 16 bits per key. */
    static long bitsFor(int count) {
        return 64L << wordBits(count);
    }

    private static int wordBits(int count) {
        // At least 16 bits per key: about 0.2 % false positives at 3 bits a key.
        int wordBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, (long) count * 16 / 64 - 1)));
        return Math.min(wordBits, MAX_WORD_BITS);
    }

    /** The filter of {@code keys[0, count)}, whose least and greatest are {@code min} and {@code max}. */
    static BloomKeyFilter of(long[] keys, int count, long min, long max) {
        int wordBits = wordBits(count);
        long[] words = new long[1 << wordBits];
        int wordShift = 64 - wordBits;
        for (int i = 0; i < count; i++) {
            long hash = KeyHashing.mix(keys[i]);
            words[(int) (hash >>> wordShift)] |= bits(hash);
        }
        return new BloomKeyFilter(min, max, words, wordShift);
    }

    @Override
    public long bytes() {
        return words.length * 8L + 32;
    }

    @Override
    public boolean mightContain(long key) {
        if (key < min || key > max) {
            return false;
        }
        long hash = KeyHashing.mix(key);
        long bits = bits(hash);
        return (words[(int) (hash >>> wordShift)] & bits) == bits;
    }

    /** 1 when the key might be in the set, else 0, with no branch on either test. */
    private int test(long key) {
        long hash = KeyHashing.mix(key);
        long bits = bits(hash);
        int inRange = BranchFreeComparisons.unsignedAtMost(key - min, span);
        int present = BranchFreeComparisons.isZero((words[(int) (hash >>> wordShift)] & bits) ^ bits);
        return inRange & present;
    }

    @Override
    int select(LongVector keys, int[] positions, int count, int[] kept) {
        long[] values = keys.values();
        boolean[] nulls = keys.mayHaveNulls() ? keys.nulls() : null;
        int passed = 0;
        for (int i = 0; i < count; i++) {
            int row = positions == null ? i : positions[i];
            kept[passed] = row;
            passed += test(values[row]) & (nulls == null || !nulls[row] ? 1 : 0);
        }
        return passed;
    }

    @Override
    int keepMatching(long[] keys, int[] positions, int from, int n, int[] kept, int passed) {
        int count = passed;
        if (positions == null) {
            for (int i = 0; i < n; i++) {
                kept[count] = from + i;
                count += test(keys[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                kept[count] = positions[from + i];
                count += test(keys[i]);
            }
        }
        return count;
    }

    /** Three bits of one word, from hash bits that do not choose the word. */
    private static long bits(long hash) {
        return 1L << (hash & 63) | 1L << ((hash >>> 6) & 63) | 1L << ((hash >>> 12) & 63);
    }
}
