package io.basalt.storage.encoding;

import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.DictionaryView;
import io.basalt.storage.vector.VectorBuffers;

/**
 * The dictionary form of a decoded dictionary-encoded BYTES block: its distinct values ({@link #entries()}, in
 * ascending byte order) and each row's code. A scan evaluates a filter once per entry and then keeps rows by code
 * ({@link #select}), and gathers only the rows it keeps ({@link #rows(int, int[], int)}).
 *
 * <p>A block without NULLs keeps its codes bit-packed as stored ({@link PackedLongs#readCodes}), so the code of a
 * row is read only when the filters before it kept that row: a text column filtered after a join filter or a range
 * that kept 1 % of the rows costs 1 % of its codes, not an unpack of all 65,536 (unpacking and checking every code
 * was 7–10 % of TPC-H Q19's and Q12's samples). Codes are checked against the entries as they are read. A block
 * with NULLs has one int per row instead, {@link DictionaryView#NULL_CODE} for a NULL.
 */
public final class BlockDictionary {

    private final BytesVector entries;
    private final int rowCount;
    private final PackedLongs packedCodes;
    private final int[] codes;

    private BlockDictionary(BytesVector entries, int rowCount, PackedLongs packedCodes, int[] codes) {
        this.entries = entries;
        this.rowCount = rowCount;
        this.packedCodes = packedCodes;
        this.codes = codes;
    }

    /** A block without NULLs: its codes, still packed. */
    static BlockDictionary packed(BytesVector entries, PackedLongs codes) {
        return new BlockDictionary(entries, codes.count(), codes, null);
    }

    /** A block with NULLs: one code per row, {@link DictionaryView#NULL_CODE} for a NULL row; already checked. */
    static BlockDictionary unpacked(BytesVector entries, int[] codes) {
        return new BlockDictionary(entries, codes.length, null, codes);
    }

    /** The distinct values, ascending. */
    public BytesVector entries() {
        return entries;
    }

    public int rowCount() {
        return rowCount;
    }

    /** NULL rows of the block. */
    public int nullCount() {
        if (codes == null) {
            return 0;
        }
        int count = 0;
        for (int code : codes) {
            count += code == DictionaryView.NULL_CODE ? 1 : 0;
        }
        return count;
    }

    /** Every row's code ({@link DictionaryView#NULL_CODE} for NULL), as a new array. */
    public int[] codes() {
        int[] all = new int[rowCount];
        gatherCodes(0, null, rowCount, all);
        return all;
    }

    /** Every row of the block as a vector. */
    public BytesVector rows() {
        return rows(0, null, rowCount);
    }

    /**
     * Rows {@code offset + positions[i]} for {@code i < count} (rows {@code offset .. offset + count} when
     * {@code positions} is null), in that order; the vector keeps this dictionary and the rows' codes
     * ({@link BytesVector#dictionary()}).
     */
    public BytesVector rows(int offset, int[] positions, int count) {
        return rows(offset, positions, count, VectorBuffers.NEW);
    }

    /** {@link #rows(int, int[], int)} with the codes' array (and a one-byte vector's) from {@code buffers}. */
    public BytesVector rows(int offset, int[] positions, int count, VectorBuffers buffers) {
        int[] rowCodes = buffers.ints(count);
        gatherCodes(offset, positions, count, rowCodes);
        // Packed codes are those of a block without NULLs (and are checked against the entries as they are read).
        return packedCodes != null
                ? BytesVector.fromCodesWithoutNulls(entries, rowCodes, count, buffers)
                : BytesVector.fromCodes(entries, rowCodes, count, buffers);
    }

    /**
     * Writes to {@code kept} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) whose
     * entry passes, in order, and returns how many; row {@code r} holds code {@code offset + r}.
     * {@code kept} may be {@code positions}.
     *
     * @param passingEntries per entry whether it passes, then one more element for a NULL row
     */
    public int select(boolean[] passingEntries, int offset, int[] positions, int count, int[] kept) {
        int entryCount = entries.positionCount();
        if (passingEntries.length != entryCount + 1) {
            throw new IllegalArgumentException(passingEntries.length + " flags for " + entryCount + " entries and NULL");
        }
        if (packedCodes != null) {
            return packedCodes.selectCodes(offset, positions, count, passingEntries, entryCount, kept);
        }
        int passed = 0;
        for (int i = 0; i < count; i++) {
            int row = positions == null ? i : positions[i];
            int code = codes[offset + row];
            kept[passed] = row;
            passed += passingEntries[code < 0 ? entryCount : code] ? 1 : 0;
        }
        return passed;
    }

    private void gatherCodes(int offset, int[] positions, int count, int[] out) {
        if (packedCodes != null) {
            packedCodes.gatherCodes(offset, positions, count, entries.positionCount(), out);
            return;
        }
        for (int i = 0; i < count; i++) {
            out[i] = codes[offset + (positions == null ? i : positions[i])];
        }
    }
}
