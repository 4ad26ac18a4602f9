package io.basalt.storage.encoding;

import java.util.Arrays;

/** CONSTANT for BOOLEAN: {@code u8 value} (0 or 1). */
final class ConstantBooleanEncoding {

    private ConstantBooleanEncoding() {
    }

    static long estimatedBytes(BooleanStats stats) {
        return 1;
    }

    static void encode(boolean[] values, int count, ByteSink out) {
        out.writeByte(values[0] ? 1 : 0);
    }

    static void decode(ByteSource in, int count, boolean[] out) {
        Arrays.fill(out, 0, count, BooleanBits.read(in, "constant value"));
    }
}
