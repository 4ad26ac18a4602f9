package io.basalt.storage.encoding;

/**
 * Chooses, writes and reads the payload of DOUBLE blocks: the LONG layouts applied to each value's
 * {@link SortableDoubleBits sortable key}, limited to the encodings DOUBLE allows.
 */
final class DoubleBlockEncoding {

    private DoubleBlockEncoding() {
    }

    static EncodingKind encode(long[] keys, int count, EncodingKind forced, ByteSink out) {
        LongStats stats = LongStats.of(keys, count);
        EncodingKind encoding = BlockEncoder.resolve(forced, BlockEncodingSelector.forDoubleKeys(stats), count,
                stats.distinctCount == 1);
        LongBlockEncoding.write(encoding, keys, count, stats, out);
        return encoding;
    }

    static void decode(EncodingKind encoding, ByteSource in, int count, double[] out) {
        long[] keys = new long[count];
        LongBlockEncoding.decode(encoding, in, count, keys);
        SortableDoubleBits.fromKeys(keys, count, out);
    }
}
