package io.basalt.storage.encoding;

import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;

/**
 * A decoded block: its vector and, for a dictionary-encoded BYTES block, its dictionary form (else null). The
 * vector of a dictionary-encoded block is built from the dictionary on first use only: a scan that keeps few rows
 * of the block gathers them from the dictionary ({@link DictionaryView#rows(int, int[], int)}) and never pays for
 * copying every row's bytes. One block belongs to one reader thread, so the lazy vector needs no locking.
 */
public final class DecodedBlock {

    private ColumnVector vector;
    private final DictionaryView dictionary;

    public DecodedBlock(ColumnVector vector, DictionaryView dictionary) {
        this.vector = vector;
        this.dictionary = dictionary;
    }

    /** A dictionary-encoded block whose vector is built when first asked for. */
    static DecodedBlock ofDictionary(DictionaryView dictionary) {
        return new DecodedBlock(null, dictionary);
    }

    public ColumnVector vector() {
        if (vector == null) {
            vector = dictionary.rows();
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
        int count = 0;
        for (int code : dictionary.codes()) {
            count += code == DictionaryView.NULL_CODE ? 1 : 0;
        }
        return count;
    }

    public DictionaryView dictionary() {
        return dictionary;
    }
}
