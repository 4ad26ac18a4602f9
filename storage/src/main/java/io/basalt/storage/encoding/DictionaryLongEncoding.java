package io.basalt.storage.encoding;

/**
 * DICTIONARY for LONG (and DOUBLE keys):
 * {@code u32 dictSize, i64 base, u8 valueWidth, packed(entry - base), u8 codeWidth, packed(code)}.
 * Entries are the distinct values in ascending order (so code order is value order, which lets a later scan
 * compare codes instead of values), frame-of-reference packed against the first entry. Codes are indexes
 * into the entries, {@code width(dictSize - 1)} bits each.
 */
final class DictionaryLongEncoding {

    private static final int HEADER_BYTES = 14;

    private DictionaryLongEncoding() {
    }

    /** For blocks with at least one value. */
    static long estimatedBytes(LongStats stats) {
        int entries = stats.distinctCount;
        return HEADER_BYTES
                + BitPacking.packedBytes(entries, BitPacking.rangeBitWidth(stats.min, stats.max))
                + BitPacking.packedBytes(stats.count, BitPacking.bitWidth(entries - 1));
    }

    static void encode(LongStats stats, ByteSink out) {
        int entries = stats.distinctCount;
        long[] keys = stats.distinct.keys;
        int[] order = IndexSort.sortedIndexes(entries, (a, b) -> Long.compare(keys[a], keys[b]));
        long[] sorted = new long[entries];
        for (int e = 0; e < entries; e++) {
            sorted[e] = keys[order[e]];
        }
        int valueWidth = BitPacking.rangeBitWidth(sorted[0], sorted[entries - 1]);
        out.writeInt(entries);
        out.writeLong(sorted[0]);
        out.writeByte(valueWidth);
        BitPacking.pack(out, sorted, entries, sorted[0], valueWidth);
        DictionaryCodes.write(out, IndexSort.remap(stats.ids, stats.count, order), stats.count, entries);
    }

    static void decode(ByteSource in, int count, long[] out) {
        int entries = in.readCount("dictionary size", 1, count);
        long base = in.readLong("dictionary base");
        int valueWidth = in.readBitWidth("dictionary value width", 64);
        long[] dictionary = new long[entries];
        BitPacking.unpack(in, entries, valueWidth, base, dictionary, 0);
        int[] codes = DictionaryCodes.read(in, count, entries);
        for (int i = 0; i < count; i++) {
            out[i] = dictionary[codes[i]];
        }
    }
}
