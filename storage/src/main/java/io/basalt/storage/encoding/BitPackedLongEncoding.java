package io.basalt.storage.encoding;

/**
 * BIT_PACKED (frame of reference) for LONG: {@code i64 base, u8 width, packed(value - base)}. The base is
 * the block minimum, so every difference is non-negative and needs {@code width(max - min)} bits.
 */
final class BitPackedLongEncoding {

    private static final int HEADER_BYTES = 9;

    private BitPackedLongEncoding() {
    }

    static long estimatedBytes(LongStats stats) {
        return HEADER_BYTES + BitPacking.packedBytes(stats.count, BitPacking.rangeBitWidth(stats.min, stats.max));
    }

    static void encode(long[] values, int count, ByteSink out) {
        long min = values[0];
        long max = values[0];
        for (int i = 1; i < count; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        int width = BitPacking.rangeBitWidth(min, max);
        out.writeLong(min);
        out.writeByte(width);
        BitPacking.pack(out, values, count, min, width);
    }

    static void decode(ByteSource in, int count, long[] out) {
        long base = in.readLong("frame-of-reference base");
        int width = in.readBitWidth("frame-of-reference width", 64);
        BitPacking.unpack(in, count, width, base, out, 0);
    }
}
