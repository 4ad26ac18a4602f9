package io.basalt.storage.encoding;

import java.util.Arrays;

/** CONSTANT for BYTES: {@code u32 length, the value's bytes}. */
final class ConstantBytesEncoding {

    private ConstantBytesEncoding() {
    }

    static long estimatedBytes(BytesStats stats) {
        return 4L + stats.maxLength;
    }

    static void encode(BytesValues values, ByteSink out) {
        out.writeInt(values.length(0));
        out.writeBytes(values.data(), values.start(0), values.length(0));
    }

    static BytesSlices decode(ByteSource in, int count) {
        int length = in.readCount("constant length", 0, in.remaining());
        int start = in.skip(length, "constant value");
        long total = (long) length * count;
        if (!BlockLimits.bytesWithinBound(total, length)) {
            throw new BlockFormatException("constant expands to " + total + " bytes, more than a block holds");
        }
        int[] starts = new int[count];
        int[] lengths = new int[count];
        Arrays.fill(starts, start);
        Arrays.fill(lengths, length);
        return new BytesSlices(in.array(), starts, lengths, count, total);
    }
}
