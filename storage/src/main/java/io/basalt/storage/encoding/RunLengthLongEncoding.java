package io.basalt.storage.encoding;

import java.util.Arrays;

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
        int runs = in.readCount("run count", 1, count);
        long base = in.readLong("run value base");
        int valueWidth = in.readBitWidth("run value width", 64);
        long[] runValues = new long[runs];
        BitPacking.unpack(in, runs, valueWidth, base, runValues, 0);
        int[] runLengths = RunLengths.read(in, runs, count);
        int pos = 0;
        for (int r = 0; r < runs; r++) {
            Arrays.fill(out, pos, pos + runLengths[r], runValues[r]);
            pos += runLengths[r];
        }
    }
}
