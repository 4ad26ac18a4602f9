package io.basalt.storage.encoding;

/**
 * DICTIONARY for INT128: {@code u32 dictSize, dictSize × i64 high, dictSize × i64 low, u8 codeWidth,
 * packed(code)}. Entries are the distinct values in ascending signed 128-bit order.
 */
final class DictionaryInt128Encoding {

    private static final int HEADER_BYTES = 5;

    private DictionaryInt128Encoding() {
    }

    /** For blocks with at least one value. */
    static long estimatedBytes(Int128Stats stats) {
        int entries = stats.distinctCount;
        return HEADER_BYTES + 16L * entries + BitPacking.packedBytes(stats.count, BitPacking.bitWidth(entries - 1));
    }

    static void encode(Int128Stats stats, ByteSink out) {
        Int128HashTable table = stats.distinct;
        int entries = stats.distinctCount;
        int[] order = IndexSort.sortedIndexes(entries,
                (a, b) -> Int128HashTable.compare(table.high[a], table.low[a], table.high[b], table.low[b]));
        out.writeInt(entries);
        for (int e = 0; e < entries; e++) {
            out.writeLong(table.high[order[e]]);
        }
        for (int e = 0; e < entries; e++) {
            out.writeLong(table.low[order[e]]);
        }
        DictionaryCodes.write(out, IndexSort.remap(stats.ids, stats.count, order), stats.count, entries);
    }

    static void decode(ByteSource in, int count, long[] high, long[] low) {
        int entries = in.readCount("dictionary size", 1, count);
        long[] dictHigh = new long[entries];
        long[] dictLow = new long[entries];
        PlainInt128Encoding.decode(in, entries, dictHigh, dictLow);
        int[] codes = DictionaryCodes.read(in, count, entries);
        for (int i = 0; i < count; i++) {
            int code = codes[i];
            high[i] = dictHigh[code];
            low[i] = dictLow[code];
        }
    }
}
