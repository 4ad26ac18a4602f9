package io.basalt.storage.encoding;

/** PLAIN for LONG (and DOUBLE keys): {@code count × i64}. */
final class PlainLongEncoding {

    private PlainLongEncoding() {
    }

    static long estimatedBytes(LongStats stats) {
        return 8L * stats.count;
    }

    static void encode(long[] values, int count, ByteSink out) {
        for (int i = 0; i < count; i++) {
            out.writeLong(values[i]);
        }
    }

    static void decode(ByteSource in, int count, long[] out) {
        int start = in.skip(Math.multiplyExact(count, 8), "plain values");
        byte[] array = in.array();
        for (int i = 0; i < count; i++) {
            out[i] = ByteSource.longAt(array, start + (i << 3));
        }
    }
}
