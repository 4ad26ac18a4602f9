package io.basalt.storage.encoding;

/**
 * Picks each block's encoding by estimating the encoded size of every applicable encoding from statistics
 * of the block's non-null values and taking the smallest (DELTA must be a quarter smaller than the others to win,
 * see {@link #DELTA_SIZE_WEIGHT_PERCENT}). The estimates are the exact encoded sizes (the
 * layouts are simple enough), except that compression afterwards is not modelled. Ties go to the encoding
 * considered first below, which is roughly the order of decoding speed. A block without non-null values
 * is always PLAIN (an empty payload); CONSTANT is a candidate only when all values are equal and then
 * nearly always wins (a single short string is smaller PLAIN).
 */
final class BlockEncodingSelector {

    /**
     * DELTA's estimate counts this much in the comparison: it must be a quarter smaller than another LONG encoding to
     * win. Every DELTA value is the sum of the ones before it, so a scan decodes the whole block to read any row, while
     * BIT_PACKED and RUN_LENGTH blocks are tested and gathered in place ({@link EncodedLongs}). On lineitem's
     * l_orderkey (runs of one to seven rows, keys one or 25 apart) the two were within 10 % and the choice flipped from
     * block to block; a join filter then cost a whole decode on half the blocks and one test per run on the others.
     */
    private static final long DELTA_SIZE_WEIGHT_PERCENT = 125;

    private BlockEncodingSelector() {
    }

    static EncodingKind forLongs(LongStats stats) {
        if (stats.count == 0) {
            return EncodingKind.PLAIN;
        }
        Choice choice = new Choice();
        if (stats.distinctCount == 1) {
            choice.consider(EncodingKind.CONSTANT, ConstantLongEncoding.estimatedBytes(stats));
        }
        choice.consider(EncodingKind.BIT_PACKED, BitPackedLongEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.DELTA, DeltaLongEncoding.estimatedBytes(stats) * DELTA_SIZE_WEIGHT_PERCENT / 100);
        choice.considerRuns(stats.runCount, stats.count, RunLengthLongEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.DICTIONARY, DictionaryLongEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.PLAIN, PlainLongEncoding.estimatedBytes(stats));
        return choice.best;
    }

    /** DOUBLE blocks are long encodings over sortable keys, restricted to the encodings DOUBLE allows. */
    static EncodingKind forDoubleKeys(LongStats stats) {
        if (stats.count == 0) {
            return EncodingKind.PLAIN;
        }
        Choice choice = new Choice();
        if (stats.distinctCount == 1) {
            choice.consider(EncodingKind.CONSTANT, ConstantLongEncoding.estimatedBytes(stats));
        }
        choice.considerRuns(stats.runCount, stats.count, RunLengthLongEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.DICTIONARY, DictionaryLongEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.PLAIN, PlainLongEncoding.estimatedBytes(stats));
        return choice.best;
    }

    static EncodingKind forInt128(Int128Stats stats) {
        if (stats.count == 0) {
            return EncodingKind.PLAIN;
        }
        Choice choice = new Choice();
        if (stats.distinctCount == 1) {
            choice.consider(EncodingKind.CONSTANT, ConstantInt128Encoding.estimatedBytes(stats));
        }
        choice.consider(EncodingKind.DICTIONARY, DictionaryInt128Encoding.estimatedBytes(stats));
        choice.consider(EncodingKind.PLAIN, PlainInt128Encoding.estimatedBytes(stats));
        return choice.best;
    }

    static EncodingKind forBytes(BytesStats stats) {
        if (stats.count == 0) {
            return EncodingKind.PLAIN;
        }
        Choice choice = new Choice();
        if (stats.distinctCount == 1) {
            choice.consider(EncodingKind.CONSTANT, ConstantBytesEncoding.estimatedBytes(stats));
        }
        choice.considerRuns(stats.runCount, stats.count, RunLengthBytesEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.DICTIONARY, DictionaryBytesEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.PLAIN, PlainBytesEncoding.estimatedBytes(stats));
        return choice.best;
    }

    static EncodingKind forBooleans(BooleanStats stats) {
        if (stats.count == 0) {
            return EncodingKind.PLAIN;
        }
        Choice choice = new Choice();
        if (stats.isConstant()) {
            choice.consider(EncodingKind.CONSTANT, ConstantBooleanEncoding.estimatedBytes(stats));
        }
        choice.considerRuns(stats.runCount, stats.count, RunLengthBooleanEncoding.estimatedBytes(stats));
        choice.consider(EncodingKind.PLAIN, PlainBooleanEncoding.estimatedBytes(stats));
        return choice.best;
    }

    /** The smallest estimate so far; a later candidate must be strictly smaller to win. */
    private static final class Choice {
        EncodingKind best;
        long bestBytes = Long.MAX_VALUE;

        void consider(EncodingKind kind, long bytes) {
            if (bytes < bestBytes) {
                best = kind;
                bestBytes = bytes;
            }
        }

        /**
         * Run-length is only a candidate when runs average at least two values. Without runs its
         * frame-of-reference packed run values can still undercut PLAIN slightly (e.g. for doubles in a
         * narrow exponent range), which would make it a slower stand-in for bit-packing.
         */
        void considerRuns(int runCount, int count, long bytes) {
            if (2L * runCount <= count) {
                consider(EncodingKind.RUN_LENGTH, bytes);
            }
        }
    }
}
