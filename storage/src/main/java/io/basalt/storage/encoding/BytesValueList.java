package io.basalt.storage.encoding;

/**
 * A list of variable-length values, the building block of the BYTES encodings:
 * {@code u8 lengthWidth, packed(length) × n, the n values' bytes concatenated}. The list's own length
 * follows from the lengths, so it can be followed by more fields.
 */
final class BytesValueList {

    private BytesValueList() {
    }

    /** Writes values {@code indexes[0, n)} of {@code values} (or values {@code 0..n-1} when indexes is null). */
    static void write(ByteSink out, BytesValues values, int[] indexes, int n) {
        int[] lengths = new int[n];
        int maxLength = 0;
        for (int k = 0; k < n; k++) {
            lengths[k] = values.length(indexes == null ? k : indexes[k]);
            maxLength = Math.max(maxLength, lengths[k]);
        }
        int width = BitPacking.bitWidth(maxLength);
        out.writeByte(width);
        BitPacking.packInts(out, lengths, n, width);
        if (indexes == null) {
            out.writeBytes(values.data(), values.start(0), (int) values.totalBytes());
        } else {
            for (int k = 0; k < n; k++) {
                out.writeBytes(values.data(), values.start(indexes[k]), lengths[k]);
            }
        }
    }

    static long estimatedBytes(long n, long totalBytes, int maxLength) {
        return 1 + BitPacking.packedBytes(n, BitPacking.bitWidth(maxLength)) + totalBytes;
    }

    /** Reads a list of {@code n} values, checking that their bytes are all there. */
    static BytesSlices read(ByteSource in, int n) {
        int width = in.readBitWidth("value length width", 31);
        int[] lengths = new int[n];
        BitPacking.unpackInts(in, n, width, lengths);
        long total = 0;
        for (int k = 0; k < n; k++) {
            total += lengths[k];
        }
        int start = in.skip(checkedTotal(in, total), "value bytes");
        int[] starts = new int[n];
        int pos = start;
        for (int k = 0; k < n; k++) {
            starts[k] = pos;
            pos += lengths[k];
        }
        return new BytesSlices(in.array(), starts, lengths, n, total);
    }

    private static int checkedTotal(ByteSource in, long total) {
        in.require(total, "value bytes");
        return (int) total;
    }

    /**
     * Checks that values referring to {@code entries} (run values, dictionary entries, a constant) expand to
     * no more than a block may hold, before anything is allocated for them.
     */
    static void checkExpandedSize(long expandedBytes, BytesSlices entries) {
        int maxLength = 0;
        for (int k = 0; k < entries.count(); k++) {
            maxLength = Math.max(maxLength, entries.lengths()[k]);
        }
        if (!BlockLimits.bytesWithinBound(expandedBytes, maxLength)) {
            throw new BlockFormatException("values expand to " + expandedBytes + " bytes, more than a block holds");
        }
    }
}
