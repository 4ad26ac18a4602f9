package io.basalt.storage.encoding;

import java.util.Arrays;

/**
 * RUN_LENGTH for BOOLEAN: {@code u8 firstValue, u32 runCount}, then the run lengths ({@code u8 width,
 * packed(length)}). Neighbouring runs differ, so the values simply alternate from the first one.
 */
final class RunLengthBooleanEncoding {

    private RunLengthBooleanEncoding() {
    }

    static long estimatedBytes(BooleanStats stats) {
        return 6 + BitPacking.packedBytes(stats.runCount, BitPacking.bitWidth(stats.maxRunLength));
    }

    static void encode(boolean[] values, int count, ByteSink out) {
        int[] lengths = new int[count];
        int runs = 0;
        for (int i = 0; i < count; ) {
            int end = i + 1;
            while (end < count && values[end] == values[i]) {
                end++;
            }
            lengths[runs++] = end - i;
            i = end;
        }
        out.writeByte(values[0] ? 1 : 0);
        out.writeInt(runs);
        RunLengths.write(out, lengths, runs);
    }

    static void decode(ByteSource in, int count, boolean[] out) {
        boolean value = BooleanBits.read(in, "first run value");
        int runs = in.readCount("run count", 1, count);
        int[] lengths = RunLengths.read(in, runs, count);
        int pos = 0;
        for (int r = 0; r < runs; r++) {
            Arrays.fill(out, pos, pos + lengths[r], value);
            pos += lengths[r];
            value = !value;
        }
    }
}
