package io.basalt.storage.encoding;

import java.util.Arrays;

/** CONSTANT for LONG (and DOUBLE keys): {@code i64 value}. Every non-null position holds it. */
final class ConstantLongEncoding {

    private ConstantLongEncoding() {
    }

    static long estimatedBytes(LongStats stats) {
        return 8;
    }

    static void encode(long[] values, int count, ByteSink out) {
        out.writeLong(values[0]);
    }

    /** The block's {@code count} values as one run, for a block without NULLs (not expanded: {@link RunLengthLongs}). */
    static RunLengthLongs read(ByteSource in, int count) {
        return new RunLengthLongs(new long[] {in.readLong("constant value")}, new int[] {count});
    }

    static void decode(ByteSource in, int count, long[] out) {
        Arrays.fill(out, 0, count, in.readLong("constant value"));
    }
}
