package io.basalt.storage.encoding;

import io.basalt.storage.vector.Int128Vector;

/** Chooses, writes and reads the payload of INT128 blocks. */
final class Int128BlockEncoding {

    private Int128BlockEncoding() {
    }

    static EncodingKind encode(Int128Vector vector, boolean[] nulls, int rowCount, int count, EncodingKind forced,
                               ByteSink out) {
        long[] high = vector.high();
        long[] low = vector.low();
        if (nulls != null) {
            high = NullBitmap.compact(high, nulls, rowCount, count);
            low = NullBitmap.compact(low, nulls, rowCount, count);
        }
        Int128Stats stats = Int128Stats.of(high, low, count);
        EncodingKind encoding = BlockEncoder.resolve(forced, BlockEncodingSelector.forInt128(stats), count,
                stats.distinctCount == 1);
        switch (encoding) {
            case CONSTANT -> ConstantInt128Encoding.encode(high, low, count, out);
            case DICTIONARY -> DictionaryInt128Encoding.encode(stats, out);
            case PLAIN -> PlainInt128Encoding.encode(high, low, count, out);
            default -> throw new IllegalStateException(encoding + " is not an INT128 encoding");
        }
        return encoding;
    }

    static void decode(EncodingKind encoding, ByteSource in, int count, long[] high, long[] low) {
        switch (encoding) {
            case CONSTANT -> ConstantInt128Encoding.decode(in, count, high, low);
            case DICTIONARY -> DictionaryInt128Encoding.decode(in, count, high, low);
            case PLAIN -> PlainInt128Encoding.decode(in, count, high, low);
            default -> throw new BlockFormatException(encoding + " is not an INT128 encoding");
        }
    }
}
