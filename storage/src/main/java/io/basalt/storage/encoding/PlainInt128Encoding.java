package io.basalt.storage.encoding;

/**
 * PLAIN for INT128: {@code count × i64 high} followed by {@code count × i64 low}. The halves are kept apart
 * because the high halves of realistic decimals are nearly all 0 or -1, which the block compressor then
 * squeezes to almost nothing.
 */
final class PlainInt128Encoding {

    private PlainInt128Encoding() {
    }

    static long estimatedBytes(Int128Stats stats) {
        return 16L * stats.count;
    }

    static void encode(long[] high, long[] low, int count, ByteSink out) {
        for (int i = 0; i < count; i++) {
            out.writeLong(high[i]);
        }
        for (int i = 0; i < count; i++) {
            out.writeLong(low[i]);
        }
    }

    static void decode(ByteSource in, int count, long[] high, long[] low) {
        int start = in.skip(Math.multiplyExact(count, 16), "plain 128-bit values");
        byte[] array = in.array();
        int lowStart = start + (count << 3);
        for (int i = 0; i < count; i++) {
            high[i] = ByteSource.longAt(array, start + (i << 3));
        }
        for (int i = 0; i < count; i++) {
            low[i] = ByteSource.longAt(array, lowStart + (i << 3));
        }
    }
}
