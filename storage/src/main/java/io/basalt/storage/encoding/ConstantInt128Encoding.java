package io.basalt.storage.encoding;

import java.util.Arrays;

/** CONSTANT for INT128: {@code i64 high, i64 low}. */
final class ConstantInt128Encoding {

    private ConstantInt128Encoding() {
    }

    static long estimatedBytes(Int128Stats stats) {
        return 16;
    }

    static void encode(long[] high, long[] low, int count, ByteSink out) {
        out.writeLong(high[0]);
        out.writeLong(low[0]);
    }

    static void decode(ByteSource in, int count, long[] high, long[] low) {
        Arrays.fill(high, 0, count, in.readLong("constant high"));
        Arrays.fill(low, 0, count, in.readLong("constant low"));
    }
}
