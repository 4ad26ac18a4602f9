package io.basalt.storage.encoding;

/**
 * RUN_LENGTH for LONG (and DOUBLE keys):
 * {@code u32 runCount, i64 base, u8 valueWidth, packed(runValue - base), u8 lengthWidth, packed(runLength)}.
 * Run values are frame-of-reference packed against their minimum; each run length is at least 1 and the
 * lengths add up to the value count.
 */
final class RunLengthLongEncoding {

    private static final int HEADER_BYTES = 14;

    private RunLengthLongEncoding() {
    }

    static long estimatedBytes(LongStats stats) {
        return HEADER_BYTES
                + BitPacking.packedBytes(stats.runCount, BitPacking.rangeBitWidth(stats.min, stats.max))
                + BitPacking.packedBytes(stats.runCount, BitPacking.bitWidth(stats.maxRunLength));
    }

    static void encode(long[] values, int count, ByteSink out) {
        long[] runValues = new long[count];
        int[] runLengths = new int[count];
        int runs = 0;
        for (int i = 0; i < count; ) {
            int end = i + 1;
            while (end < count && values[end] == values[i]) {
                end++;
            }
            runValues[runs] = values[i];
            runLengths[runs] = end - i;
            runs++;
            i = end;
        }
        long min = runValues[0];
        long max = runValues[0];
        for (int r = 0; r < runs; r++) {
            min = Math.min(min, runValues[r]);
            max = Math.max(max, runValues[r]);
        }
        int valueWidth = BitPacking.rangeBitWidth(min, max);
        out.writeInt(runs);
        out.writeLong(min);
        out.writeByte(valueWidth);
        BitPacking.pack(out, runValues, runs, min, valueWidth);
        RunLengths.write(out, runLengths, runs);
    }

    static void decode(ByteSource in, int count, long[] out) {
        RunLengthLongs.read(in, count).unpack(0, count, out);
    }
}
