package io.basalt.storage.vector;

/**
 * The dictionary form of a decoded BYTES block, kept beside the decoded vector: the block's distinct values
 * ({@code entries}, in ascending byte order) and, per row, the entry it holds ({@code codes[row]}, or -1 for a
 * NULL row). A scan evaluates a filter on the entries once and then looks rows up by code, instead of
 * comparing every row's bytes.
 */
public record DictionaryView(BytesVector entries, int[] codes) {

    public static final int NULL_CODE = -1;
}
