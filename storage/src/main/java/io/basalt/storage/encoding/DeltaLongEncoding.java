package io.basalt.storage.encoding;

/**
 * DELTA for LONG: {@code i64 first, i64 minDelta, u8 width, packed(delta[i] - minDelta) for i = 1..count-1}
 * where {@code delta[i] = value[i] - value[i-1]}. Sorted and time-like data has small, similar differences,
 * so this packs far tighter than a frame of reference over the whole range. All arithmetic wraps, which
 * keeps it exact for any input (see {@link BitPacking}).
 */
final class DeltaLongEncoding {

    private static final int HEADER_BYTES = 17;

    private DeltaLongEncoding() {
    }

    static long estimatedBytes(LongStats stats) {
        return HEADER_BYTES + BitPacking.packedBytes(stats.count - 1L, BitPacking.rangeBitWidth(stats.minDelta, stats.maxDelta));
    }

    static void encode(long[] values, int count, ByteSink out) {
        long[] deltas = new long[count - 1];
        long minDelta = 0;
        long maxDelta = 0;
        for (int i = 1; i < count; i++) {
            long delta = values[i] - values[i - 1];
            deltas[i - 1] = delta;
            if (i == 1 || delta < minDelta) {
                minDelta = delta;
            }
            if (i == 1 || delta > maxDelta) {
                maxDelta = delta;
            }
        }
        int width = BitPacking.rangeBitWidth(minDelta, maxDelta);
        out.writeLong(values[0]);
        out.writeLong(minDelta);
        out.writeByte(width);
        BitPacking.pack(out, deltas, count - 1, minDelta, width);
    }

    /** Decodes {@code count} values into {@code out[0, count)} (a block with NULLs: the others stay {@link DeltaLongs}). */
    static void decode(ByteSource in, int count, long[] out) {
        DeltaLongs.read(in, count).unpackInto(out);
    }
}
