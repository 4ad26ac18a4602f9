package io.basalt.storage.encoding;

/** PLAIN for BOOLEAN: the values bit-packed at one bit each (bit {@code i} of the stream, 1 = true). */
final class PlainBooleanEncoding {

    private PlainBooleanEncoding() {
    }

    static long estimatedBytes(BooleanStats stats) {
        return BitPacking.packedBytes(stats.count, 1);
    }

    static void encode(boolean[] values, int count, ByteSink out) {
        int bytes = (int) BitPacking.packedBytes(count, 1);
        for (int b = 0; b < bytes; b++) {
            int bits = 0;
            int base = b << 3;
            int end = Math.min(8, count - base);
            for (int i = 0; i < end; i++) {
                if (values[base + i]) {
                    bits |= 1 << i;
                }
            }
            out.writeByte(bits);
        }
    }

    static void decode(ByteSource in, int count, boolean[] out) {
        int bytes = (int) BitPacking.packedBytes(count, 1);
        int start = in.skip(bytes, "packed booleans");
        byte[] array = in.array();
        for (int i = 0; i < count; i++) {
            out[i] = (array[start + (i >>> 3)] & (1 << (i & 7))) != 0;
        }
    }
}
