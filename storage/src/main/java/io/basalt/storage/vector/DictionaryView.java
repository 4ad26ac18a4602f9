package io.basalt.storage.vector;

/**
 * The dictionary form of a decoded BYTES block, kept beside the decoded vector: the block's distinct values
 * ({@code entries}, in ascending byte order) and, per row, the entry it holds ({@code codes[row]}, or -1 for a
 * NULL row). A scan evaluates a filter on the entries once and then looks rows up by code, instead of
 * comparing every row's bytes, and gathers only the rows it keeps.
 */
public record DictionaryView(BytesVector entries, int[] codes) {

    public static final int NULL_CODE = -1;

    /** Every row of the block as a vector. */
    public BytesVector rows() {
        return rows(0, null, codes.length);
    }

    /**
     * Rows {@code offset + positions[i]} for {@code i < count} (rows {@code offset .. offset + count} when
     * {@code positions} is null), in that order.
     */
    public BytesVector rows(int offset, int[] positions, int count) {
        BytesVector vector = new BytesVector(count, 0);
        vector.appendFromDictionary(entries, codes, offset, positions, count);
        return vector;
    }
}
