package io.basalt.execution.join;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.storage.vector.LongVector;

/**
 * A hash join's build side keyed by one LONG column whose distinct values are sparse in their range
 * {@code [min, min + span]}, too sparse for {@link DenseKeyRange}'s array but not spread like hashes (TPC-H's orders
 * filtered by date: 46k–460k keys in a range of 6M). A bitmap over the range says which keys the build has; a key's
 * group is its rank, the number of build keys below it, so the chain heads are an array of the distinct keys alone.
 * The bitmap's words are interleaved with the rank before each word: a probe reads one 16-byte pair, tests a bit and
 * counts the bits below it.
 *
 * <p>Why not {@link PartitionedLongKeys}, which it replaces for such keys: a probe there reads a random slot of a
 * table of 32–64 bytes a key, one cache miss each (35 ns a probe, 9 % of TPC-H Q5's CPU); here the index takes 1/4
 * byte per value of the range (1.5 MB for 6M), and probe keys that come in order (lineitem by l_orderkey) read it
 * front to back.
 */
final class RankedKeyRange {

    /** Used when the index takes at most this many values of the range per build row (64 bytes a row). */
    static final int MAX_SPAN_PER_ROW = 256;

    /**
     * Beyond this the index's array (two longs per 64 values: 2^29 of them here, 4 GB) would outgrow an int's length;
     * such ranges are hashed.
     */
    static final long MAX_SPAN = 1L << 34;

    private final long min;
    private final long span;
    /** {@code [2w]} = bits {@code 64w .. 64w + 63} of the range, {@code [2w + 1]} = the set bits before word w. */
    private final long[] index;
    private final int distinct;

    private RankedKeyRange(long min, long span, long[] index, int distinct) {
        this.min = min;
        this.span = span;
        this.index = index;
        this.distinct = distinct;
    }

    /**
     * The index of the keys at {@code indexed[0, count)} of {@code keys} (no NULLs), whose bounds are {@code bounds}
     * (null: no keys), when their range is narrow enough, else null; its bytes are taken from {@code memory} before it
     * is built.
     */
    static RankedKeyRange of(LongVector keys, int[] indexed, int count, BuildKeyBounds bounds, MemoryReservation memory) {
        if (bounds == null) {
            return null;
        }
        long span = bounds.span();
        if (span < 0 || span >= MAX_SPAN || span >= (long) MAX_SPAN_PER_ROW * count) {
            return null;
        }
        long min = bounds.min();
        long[] values = keys.values();
        int words = (int) ((span >>> 6) + 1);
        memory.grow(16L * words);
        long[] index = new long[2 * words];
        for (int i = 0; i < count; i++) {
            long offset = values[indexed[i]] - min;
            index[2 * (int) (offset >>> 6)] |= 1L << offset;
        }
        int rank = 0;
        for (int word = 0; word < index.length; word += 2) {
            index[word + 1] = rank;
            rank += Long.bitCount(index[word]);
        }
        return new RankedKeyRange(min, span, index, rank);
    }

    /** Bytes the index takes. */
    long bytes() {
        return 8L * index.length;
    }

    /** Distinct keys, and so groups: {@code [0, distinct)}. */
    int distinct() {
        return distinct;
    }

    /** The group of {@code key}, which must be one of the build's keys. */
    int group(long key) {
        long offset = key - min;
        int word = 2 * (int) (offset >>> 6);
        return (int) index[word + 1] + Long.bitCount(index[word] & ((1L << offset) - 1));
    }

    /** {@code groups[i]} = the group of the key at row {@code positions[i]} when the build has it, else -1. */
    void find(LongVector keys, int[] positions, int count, int[] groups) {
        long[] values = keys.values();
        boolean[] nulls = keys.mayHaveNulls() ? keys.nulls() : null;
        long[] bits = index;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long offset = values[row] - min;
            // Unsigned: a key below min wraps around to an offset above any span.
            if (Long.compareUnsigned(offset, span) > 0 || nulls != null && nulls[row]) {
                groups[i] = -1;
                continue;
            }
            int word = 2 * (int) (offset >>> 6);
            long wordBits = bits[word];
            groups[i] = (wordBits >>> offset & 1) == 0
                    ? -1 : (int) bits[word + 1] + Long.bitCount(wordBits & ((1L << offset) - 1));
        }
    }

    /** The distinct keys, in order: the group of each is its place. */
    LongVector keys() {
        LongVector vector = new LongVector(distinct);
        long[] values = vector.values();
        int n = 0;
        for (int word = 0; word < index.length; word += 2) {
            long wordBits = index[word];
            while (wordBits != 0) {
                values[n++] = min + 64L * (word / 2) + Long.numberOfTrailingZeros(wordBits);
                wordBits &= wordBits - 1;
            }
        }
        vector.setPositionCount(distinct);
        return vector;
    }
}
