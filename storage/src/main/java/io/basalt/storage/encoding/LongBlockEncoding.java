package io.basalt.storage.encoding;

/** Chooses, writes and reads the payload of LONG blocks. */
final class LongBlockEncoding {

    private LongBlockEncoding() {
    }

    static EncodingKind encode(long[] values, int count, EncodingKind forced, ByteSink out) {
        LongStats stats = LongStats.of(values, count);
        EncodingKind encoding = BlockEncoder.resolve(forced, BlockEncodingSelector.forLongs(stats), count,
                stats.distinctCount == 1);
        write(encoding, values, count, stats, out);
        return encoding;
    }

    /** Also used for DOUBLE blocks, whose values arrive here as sortable keys. */
    static void write(EncodingKind encoding, long[] values, int count, LongStats stats, ByteSink out) {
        switch (encoding) {
            case CONSTANT -> ConstantLongEncoding.encode(values, count, out);
            case RUN_LENGTH -> RunLengthLongEncoding.encode(values, count, out);
            case DICTIONARY -> DictionaryLongEncoding.encode(stats, out);
            case BIT_PACKED -> BitPackedLongEncoding.encode(values, count, out);
            case DELTA -> DeltaLongEncoding.encode(values, count, out);
            case PLAIN -> PlainLongEncoding.encode(values, count, out);
        }
    }

    /** Decodes {@code count} values into {@code out[0, count)}. */
    static void decode(EncodingKind encoding, ByteSource in, int count, long[] out) {
        switch (encoding) {
            case CONSTANT -> ConstantLongEncoding.decode(in, count, out);
            case RUN_LENGTH -> RunLengthLongEncoding.decode(in, count, out);
            case DICTIONARY -> DictionaryLongEncoding.decode(in, count, out);
            case BIT_PACKED -> BitPackedLongEncoding.decode(in, count, out);
            case DELTA -> DeltaLongEncoding.decode(in, count, out);
            case PLAIN -> PlainLongEncoding.decode(in, count, out);
        }
    }
}
