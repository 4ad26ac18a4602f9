package io.basalt.storage.encoding;

/** Chooses, writes and reads the payload of BOOLEAN blocks. */
final class BooleanBlockEncoding {

    private BooleanBlockEncoding() {
    }

    static EncodingKind encode(boolean[] values, int count, EncodingKind forced, ByteSink out) {
        BooleanStats stats = BooleanStats.of(values, count);
        EncodingKind encoding = BlockEncoder.resolve(forced, BlockEncodingSelector.forBooleans(stats), count,
                stats.isConstant());
        switch (encoding) {
            case CONSTANT -> ConstantBooleanEncoding.encode(values, count, out);
            case RUN_LENGTH -> RunLengthBooleanEncoding.encode(values, count, out);
            case PLAIN -> PlainBooleanEncoding.encode(values, count, out);
            default -> throw new IllegalStateException(encoding + " is not a BOOLEAN encoding");
        }
        return encoding;
    }

    static void decode(EncodingKind encoding, ByteSource in, int count, boolean[] out) {
        switch (encoding) {
            case CONSTANT -> ConstantBooleanEncoding.decode(in, count, out);
            case RUN_LENGTH -> RunLengthBooleanEncoding.decode(in, count, out);
            case PLAIN -> PlainBooleanEncoding.decode(in, count, out);
            default -> throw new BlockFormatException(encoding + " is not a BOOLEAN encoding");
        }
    }
}
