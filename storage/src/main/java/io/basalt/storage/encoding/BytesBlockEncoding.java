package io.basalt.storage.encoding;

/** Chooses, writes and reads the payload of BYTES blocks. */
final class BytesBlockEncoding {

    private BytesBlockEncoding() {
    }

    static EncodingKind encode(BytesValues values, EncodingKind forced, ByteSink out) {
        BytesStats stats = BytesStats.of(values);
        if (!BlockLimits.bytesWithinBound(stats.totalBytes, stats.maxLength)) {
            throw new IllegalArgumentException("a BYTES block holds less than " + BlockLimits.BYTES_TARGET
                    + " bytes plus its longest value; these values take " + stats.totalBytes);
        }
        EncodingKind encoding = BlockEncoder.resolve(forced, BlockEncodingSelector.forBytes(stats), values.count(),
                stats.distinctCount == 1);
        switch (encoding) {
            case CONSTANT -> ConstantBytesEncoding.encode(values, out);
            case RUN_LENGTH -> RunLengthBytesEncoding.encode(values, out);
            case DICTIONARY -> DictionaryBytesEncoding.encode(values, stats, out);
            case PLAIN -> PlainBytesEncoding.encode(values, out);
            default -> throw new IllegalStateException(encoding + " is not a BYTES encoding");
        }
        return encoding;
    }

    static BytesSlices decode(EncodingKind encoding, ByteSource in, int count) {
        return switch (encoding) {
            case CONSTANT -> ConstantBytesEncoding.decode(in, count);
            case RUN_LENGTH -> RunLengthBytesEncoding.decode(in, count);
            case DICTIONARY -> DictionaryBytesEncoding.decode(in, count);
            case PLAIN -> PlainBytesEncoding.decode(in, count);
            default -> throw new BlockFormatException(encoding + " is not a BYTES encoding");
        };
    }
}
