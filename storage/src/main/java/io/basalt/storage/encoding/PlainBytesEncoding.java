package io.basalt.storage.encoding;

/** PLAIN for BYTES: one {@link BytesValueList} of all values. */
final class PlainBytesEncoding {

    private PlainBytesEncoding() {
    }

    static long estimatedBytes(BytesStats stats) {
        return BytesValueList.estimatedBytes(stats.count, stats.totalBytes, stats.maxLength);
    }

    static void encode(BytesValues values, ByteSink out) {
        BytesValueList.write(out, values, null, values.count());
    }

    static BytesSlices decode(ByteSource in, int count) {
        return BytesValueList.read(in, count);
    }
}
