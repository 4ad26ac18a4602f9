package io.basalt.execution.join;

import io.basalt.storage.vector.LongVector;

/**
 * Two LONG join keys whose build-side ranges fit in 62 bits together, packed into one LONG key:
 * {@code (first - firstMin) << secondWidth | (second - secondMin)}. The join table then indexes one long per row
 * ({@link DenseKeyRange} or {@link PartitionedLongKeys}) instead of hashing and comparing two columns through the
 * generic group table: TPC-H Q9's lineitem probes partsupp on {@code (l_partkey, l_suppkey)}, where the generic table's
 * lookups and key comparisons were 8 % of the query's CPU. Packing is exact: two pairs pack to one long only when
 * they are equal, and a probe pair outside the build's ranges packs to -1, which no build pair packs to.
 */
final class KeyPairPacking {

    /** What a probe pair outside the build side's ranges packs to: below every packed build pair. */
    static final long NO_MATCH = -1;

    private final long firstMin;
    private final long firstSpan;
    private final long secondMin;
    private final long secondSpan;
    private final int secondWidth;

    private KeyPairPacking(long firstMin, long firstSpan, long secondMin, long secondSpan, int secondWidth) {
        this.firstMin = firstMin;
        this.firstSpan = firstSpan;
        this.secondMin = secondMin;
        this.secondSpan = secondSpan;
        this.secondWidth = secondWidth;
    }

    /** The packing of the build rows {@code indexed[0, count)} (no NULL keys), or null when they do not fit. */
    static KeyPairPacking of(LongVector first, LongVector second, int[] indexed, int count) {
        if (count == 0) {
            return null;
        }
        long[] firsts = first.values();
        long[] seconds = second.values();
        long firstMin = Long.MAX_VALUE;
        long firstMax = Long.MIN_VALUE;
        long secondMin = Long.MAX_VALUE;
        long secondMax = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            int row = indexed[i];
            firstMin = Math.min(firstMin, firsts[row]);
            firstMax = Math.max(firstMax, firsts[row]);
            secondMin = Math.min(secondMin, seconds[row]);
            secondMax = Math.max(secondMax, seconds[row]);
        }
        long firstSpan = firstMax - firstMin;
        long secondSpan = secondMax - secondMin;
        if (firstSpan < 0 || secondSpan < 0) {
            return null; // a range wider than Long.MAX_VALUE
        }
        int firstWidth = 64 - Long.numberOfLeadingZeros(firstSpan);
        int secondWidth = 64 - Long.numberOfLeadingZeros(secondSpan);
        if (firstWidth + secondWidth > 62) {
            return null;
        }
        return new KeyPairPacking(firstMin, firstSpan, secondMin, secondSpan, secondWidth);
    }

    /** The packed keys of the build rows {@code indexed[0, count)}, at their rows of a vector of {@code rows}. */
    LongVector packBuild(LongVector first, LongVector second, int[] indexed, int count, int rows) {
        LongVector packed = new LongVector(rows);
        long[] values = packed.values();
        long[] firsts = first.values();
        long[] seconds = second.values();
        for (int i = 0; i < count; i++) {
            int row = indexed[i];
            values[row] = (firsts[row] - firstMin) << secondWidth | (seconds[row] - secondMin);
        }
        packed.setPositionCount(rows);
        return packed;
    }

    /** {@code out[i]} = the packed key of probe row {@code positions[i]} (no NULL keys), or {@link #NO_MATCH}. */
    void packProbe(LongVector first, LongVector second, int[] positions, int count, long[] out) {
        long[] firsts = first.values();
        long[] seconds = second.values();
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long firstOffset = firsts[row] - firstMin;
            long secondOffset = seconds[row] - secondMin;
            // Unsigned: a key below its minimum wraps around to an offset above any span.
            boolean inRange = Long.compareUnsigned(firstOffset, firstSpan) <= 0
                    && Long.compareUnsigned(secondOffset, secondSpan) <= 0;
            out[i] = inRange ? firstOffset << secondWidth | secondOffset : NO_MATCH;
        }
    }

    /** The two key columns of packed keys. */
    LongVector[] unpack(LongVector packed) {
        int count = packed.positionCount();
        LongVector first = new LongVector(count);
        LongVector second = new LongVector(count);
        long mask = (1L << secondWidth) - 1;
        for (int i = 0; i < count; i++) {
            long key = packed.values()[i];
            first.append((key >>> secondWidth) + firstMin);
            second.append((key & mask) + secondMin);
        }
        return new LongVector[] {first, second};
    }
}
