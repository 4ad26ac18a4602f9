package io.basalt.storage.encoding;

/**
 * DICTIONARY for BYTES: {@code u32 dictSize}, a {@link BytesValueList} of the distinct values in ascending
 * unsigned-byte order (UTF-8 code point order, so code order is string order), then the codes
 * ({@code u8 width, packed(code)}).
 */
final class DictionaryBytesEncoding {

    private DictionaryBytesEncoding() {
    }

    /** For blocks with at least one value. */
    static long estimatedBytes(BytesStats stats) {
        int entries = stats.distinctCount;
        return 4 + BytesValueList.estimatedBytes(entries, stats.distinctBytes, stats.maxLength)
                + 1 + BitPacking.packedBytes(stats.count, BitPacking.bitWidth(entries - 1));
    }

    static void encode(BytesValues values, BytesStats stats, ByteSink out) {
        int entries = stats.distinctCount;
        int[] first = stats.distinct.firstIndex;
        int[] order = IndexSort.sortedIndexes(entries, (a, b) -> values.compare(first[a], first[b]));
        int[] entryIndexes = new int[entries];
        for (int e = 0; e < entries; e++) {
            entryIndexes[e] = first[order[e]];
        }
        out.writeInt(entries);
        BytesValueList.write(out, values, entryIndexes, entries);
        DictionaryCodes.write(out, IndexSort.remap(stats.ids, stats.count, order), stats.count, entries);
    }

    /**
     * The dictionary and the codes only, the codes left packed ({@link BlockDictionary}): the block is read through
     * its dictionary form, so the per-value positions are never expanded (that took two more passes and two arrays
     * per block) and a row's code is read only when a scan wants the row.
     */
    static BytesSlices decode(ByteSource in, int count) {
        int entries = in.readCount("dictionary size", 1, count);
        BytesSlices dictionary = BytesValueList.read(in, entries);
        PackedLongs codes = PackedLongs.readCodes(in, count);
        int[] entryLengths = dictionary.lengths();
        int maxLength = 0;
        for (int e = 0; e < entries; e++) {
            maxLength = Math.max(maxLength, entryLengths[e]);
        }
        long total = (long) count * maxLength;
        if (total > BlockLimits.MAX_UNCHECKED_EXPANSION) {
            // The expanded values might exceed what a decoder should allocate for one block: sum the real sizes.
            // Below that, summing (a pass over every code, 11 % of TPC-H Q19's samples for l_shipinstruct's blocks of
            // which it reads a few rows) would only tell a writer's bound from a slightly larger one.
            int[] all = new int[count];
            codes.gatherCodes(0, null, count, entries, all);
            total = 0;
            for (int i = 0; i < count; i++) {
                total += entryLengths[all[i]];
            }
            BytesValueList.checkExpandedSize(total, dictionary);
        }
        return BytesSlices.ofDictionary(in.array(), count, dictionary, codes);
    }
}
