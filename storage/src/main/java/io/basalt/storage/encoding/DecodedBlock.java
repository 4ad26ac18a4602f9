package io.basalt.storage.encoding;

import io.basalt.storage.vector.ColumnVector;

/**
 * A decoded block: its vector and, for a dictionary-encoded BYTES block, its dictionary form (else null); for a
 * bit-packed or dictionary-encoded LONG block without NULLs, its packed form ({@link PackedLongs}), from which
 * the vector is likewise unpacked on first use only. The
 * vector of a dictionary-encoded block is built from the dictionary on first use only: a scan that keeps few rows
 * of the block gathers them from the dictionary ({@link BlockDictionary#rows(int, int[], int)}) and never pays for
 * copying every row's bytes. One block belongs to one reader thread, so the lazy vector needs no locking.
 */
public final class DecodedBlock {

    private ColumnVector vector;
    private final BlockDictionary dictionary;
    private final PackedLongs packed;

    public DecodedBlock(ColumnVector vector, BlockDictionary dictionary) {
        this(vector, dictionary, null);
    }

    private DecodedBlock(ColumnVector vector, BlockDictionary dictionary, PackedLongs packed) {
        this.vector = vector;
        this.dictionary = dictionary;
        this.packed = packed;
    }

    /** A packed LONG block whose vector is unpacked when first asked for. */
    static DecodedBlock ofPacked(PackedLongs packed) {
        return new DecodedBlock(null, null, packed);
    }

    /** A dictionary-encoded block whose vector is built when first asked for. */
    static DecodedBlock ofDictionary(BlockDictionary dictionary) {
        return new DecodedBlock(null, dictionary);
    }

    public ColumnVector vector() {
        if (vector == null) {
            vector = packed != null ? packed.unpackAll() : dictionary.rows();
        }
        return vector;
    }

    /** Whether {@link #vector()} has been built (always, for a block without a dictionary). */
    public boolean hasVector() {
        return vector != null;
    }

    /** NULL rows of the block, counted on the dictionary codes when the vector is not built (so not building it). */
    public int nullCount() {
        if (vector != null) {
            return vector.nullCount();
        }
        if (packed != null) {
            return 0; // only blocks without NULLs stay packed
        }
        return dictionary.nullCount();
    }

    public BlockDictionary dictionary() {
        return dictionary;
    }

    /** The packed form of a LONG block without NULLs, or null. */
    public PackedLongs packed() {
        return packed;
    }
}
