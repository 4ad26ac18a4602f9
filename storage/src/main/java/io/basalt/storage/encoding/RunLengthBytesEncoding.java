package io.basalt.storage.encoding;

/**
 * RUN_LENGTH for BYTES: {@code u32 runCount}, a {@link BytesValueList} of the run values, then the run
 * lengths ({@code u8 width, packed(length)}, each at least 1, adding up to the value count).
 */
final class RunLengthBytesEncoding {

    private RunLengthBytesEncoding() {
    }

    static long estimatedBytes(BytesStats stats) {
        return 4 + BytesValueList.estimatedBytes(stats.runCount, stats.runBytes, stats.maxLength)
                + 1 + BitPacking.packedBytes(stats.runCount, BitPacking.bitWidth(stats.maxRunLength));
    }

    static void encode(BytesValues values, ByteSink out) {
        int count = values.count();
        int[] heads = new int[count];
        int[] lengths = new int[count];
        int runs = 0;
        for (int i = 0; i < count; ) {
            int end = i + 1;
            while (end < count && values.sameValue(i, end)) {
                end++;
            }
            heads[runs] = i;
            lengths[runs] = end - i;
            runs++;
            i = end;
        }
        out.writeInt(runs);
        BytesValueList.write(out, values, heads, runs);
        RunLengths.write(out, lengths, runs);
    }

    static BytesSlices decode(ByteSource in, int count) {
        int runs = in.readCount("run count", 1, count);
        BytesSlices runValues = BytesValueList.read(in, runs);
        int[] runLengths = RunLengths.read(in, runs, count);
        long total = 0;
        for (int r = 0; r < runs; r++) {
            total += (long) runLengths[r] * runValues.lengths()[r];
        }
        BytesValueList.checkExpandedSize(total, runValues);
        int[] starts = new int[count];
        int[] lengths = new int[count];
        int pos = 0;
        for (int r = 0; r < runs; r++) {
            int start = runValues.starts()[r];
            int length = runValues.lengths()[r];
            for (int end = pos + runLengths[r]; pos < end; pos++) {
                starts[pos] = start;
                lengths[pos] = length;
            }
        }
        return new BytesSlices(in.array(), starts, lengths, count, total);
    }
}
