package io.basalt.storage.encoding;

import io.basalt.storage.vector.ColumnVector;

/**
 * A decoded block: its vector and, for a dictionary-encoded BYTES block, its dictionary form (else null); for a
 * bit-packed, dictionary-encoded, run-length, constant or DELTA LONG block without NULLs, its encoded form
 * ({@link EncodedLongs}); for another BYTES block without NULLs, its values' slices of the block's body
 * ({@link PlainBytesBlock}). From these the vector is decoded on first use only: a scan that keeps few rows of the
 * block gathers them from the encoded form (for a dictionary, {@link BlockDictionary#rows(int, int[], int)}) and
 * never pays for copying every row's bytes. One block belongs to one reader thread, so the lazy vector needs no
 * locking.
 */
public final class DecodedBlock {

    private ColumnVector vector;
    private final BlockDictionary dictionary;
    private final EncodedLongs encodedLongs;
    private final PlainBytesBlock plainBytes;

    public DecodedBlock(ColumnVector vector, BlockDictionary dictionary) {
        this(vector, dictionary, null, null);
    }

    private DecodedBlock(ColumnVector vector, BlockDictionary dictionary, EncodedLongs encodedLongs,
                         PlainBytesBlock plainBytes) {
        this.vector = vector;
        this.dictionary = dictionary;
        this.encodedLongs = encodedLongs;
        this.plainBytes = plainBytes;
    }

    /** A LONG block left encoded, whose vector is decoded when first asked for. */
    static DecodedBlock ofEncodedLongs(EncodedLongs encodedLongs) {
        return new DecodedBlock(null, null, encodedLongs, null);
    }

    /** A run-length LONG block without NULLs, from its runs (possibly shared: see {@link RunLengthLongs}). */
    public static DecodedBlock ofRuns(RunLengthLongs runs) {
        return ofEncodedLongs(runs);
    }

    /** A BYTES block without NULLs or dictionary whose vector is built when first asked for. */
    static DecodedBlock ofPlainBytes(PlainBytesBlock plainBytes) {
        return new DecodedBlock(null, null, null, plainBytes);
    }

    /** A dictionary-encoded block whose vector is built when first asked for. */
    static DecodedBlock ofDictionary(BlockDictionary dictionary) {
        return new DecodedBlock(null, dictionary, null, null);
    }

    public ColumnVector vector() {
        if (vector == null) {
            vector = encodedLongs != null ? encodedLongs.unpackAll()
                    : plainBytes != null ? plainBytes.rows() : dictionary.rows();
        }
        return vector;
    }

    /** Whether {@link #vector()} has been built (always, for a block without a lazy form: see the class comment). */
    public boolean hasVector() {
        return vector != null;
    }

    /** NULL rows of the block, counted on the dictionary codes when the vector is not built (so not building it). */
    public int nullCount() {
        if (vector != null) {
            return vector.nullCount();
        }
        if (encodedLongs != null || plainBytes != null) {
            return 0; // only blocks without NULLs stay encoded
        }
        return dictionary.nullCount();
    }

    public BlockDictionary dictionary() {
        return dictionary;
    }

    /** The slices of a BYTES block without NULLs or dictionary (see {@link #ofPlainBytes}), else null. */
    public PlainBytesBlock plainBytes() {
        return plainBytes;
    }

    /** The encoded form of a LONG block without NULLs (bit-packed, dictionary-encoded, run-length, constant, DELTA), or null. */
    public EncodedLongs encodedLongs() {
        return encodedLongs;
    }
}
