package io.basalt.storage.encoding;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Encodes positions {@code [0, rowCount)} of a vector as one block body:
 * {@code u8 flags, [null bitmap], payload}. Flag bit 0 says a null bitmap follows (written only when the
 * block has nulls). The payload holds only the non-null values, packed together, in the block's encoding,
 * so the encodings never see null slots.
 */
public final class BlockEncoder {

    static final int FLAG_HAS_NULLS = 1;

    private BlockEncoder() {
    }

    /** Encodes with the encoding that gives the smallest block. */
    public static EncodedBlock encode(ColumnVector vector, int rowCount) {
        return encode(vector, rowCount, null);
    }

    /**
     * Encodes with the given encoding, or with the smallest one when {@code forced} is null. Forcing exists
     * for tests and tools; it fails when the encoding cannot represent the data (CONSTANT of differing
     * values, anything but PLAIN for a block without non-null values, an encoding of another kind).
     */
    public static EncodedBlock encode(ColumnVector vector, int rowCount, EncodingKind forced) {
        if (rowCount < 0 || rowCount > BlockLimits.MAX_ROWS || rowCount > vector.positionCount()) {
            throw new IllegalArgumentException("cannot encode " + rowCount + " rows of a vector with "
                    + vector.positionCount() + " positions (a block holds at most " + BlockLimits.MAX_ROWS + ")");
        }
        if (forced != null && !forced.appliesTo(vector.kind())) {
            throw new IllegalArgumentException(forced + " does not apply to " + vector.kind());
        }
        boolean[] nulls = vector.mayHaveNulls() ? vector.nulls() : null;
        int nullCount = countNulls(nulls, rowCount);
        if (nullCount == 0) {
            nulls = null;
        }
        int valueCount = rowCount - nullCount;
        ByteSink out = new ByteSink(64 + rowCount * 2);
        out.writeByte(nulls != null ? FLAG_HAS_NULLS : 0);
        if (nulls != null) {
            NullBitmap.write(out, nulls, rowCount);
        }
        EncodingKind encoding = switch (vector.kind()) {
            case LONG -> LongBlockEncoding.encode(dense((LongVector) vector, nulls, rowCount, valueCount), valueCount, forced, out);
            case DOUBLE -> DoubleBlockEncoding.encode(dense((DoubleVector) vector, nulls, rowCount, valueCount), valueCount, forced, out);
            case INT128 -> Int128BlockEncoding.encode((Int128Vector) vector, nulls, rowCount, valueCount, forced, out);
            case BYTES -> BytesBlockEncoding.encode(dense((BytesVector) vector, nulls, rowCount, valueCount), forced, out);
            case BOOLEAN -> BooleanBlockEncoding.encode(dense((BooleanVector) vector, nulls, rowCount, valueCount), valueCount, forced, out);
        };
        if (out.size() > BlockLimits.MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException("block encodes to " + out.size() + " bytes, more than the "
                    + BlockLimits.MAX_BLOCK_BYTES + " a block may hold");
        }
        return new EncodedBlock(encoding, out.array(), out.size());
    }

    private static long[] dense(LongVector vector, boolean[] nulls, int rowCount, int valueCount) {
        return nulls == null ? vector.values() : NullBitmap.compact(vector.values(), nulls, rowCount, valueCount);
    }

    private static long[] dense(DoubleVector vector, boolean[] nulls, int rowCount, int valueCount) {
        long[] keys = SortableDoubleBits.toKeys(vector.values(), rowCount);
        return nulls == null ? keys : NullBitmap.compact(keys, nulls, rowCount, valueCount);
    }

    private static boolean[] dense(BooleanVector vector, boolean[] nulls, int rowCount, int valueCount) {
        return nulls == null ? vector.values() : NullBitmap.compact(vector.values(), nulls, rowCount, valueCount);
    }

    /**
     * The non-null values as one contiguous view. Null slots appended with {@code appendNull} are empty, so
     * dropping them leaves the other values' offsets contiguous and nothing needs copying; a slot marked
     * null after its value was appended still holds bytes, and then the values are copied together.
     */
    private static BytesValues dense(BytesVector vector, boolean[] nulls, int rowCount, int valueCount) {
        int[] offsets = vector.offsets();
        if (nulls == null) {
            return new BytesValues(vector.data(), offsets, rowCount);
        }
        int[] denseOffsets = new int[valueCount + 1];
        boolean nullSlotsEmpty = true;
        int j = 0;
        for (int r = 0; r < rowCount; r++) {
            if (!nulls[r]) {
                denseOffsets[j++] = offsets[r];
            } else {
                nullSlotsEmpty &= offsets[r] == offsets[r + 1];
            }
        }
        denseOffsets[valueCount] = offsets[rowCount];
        if (nullSlotsEmpty) {
            return new BytesValues(vector.data(), denseOffsets, valueCount);
        }
        byte[] data = new byte[vector.dataSize()];
        int size = 0;
        j = 0;
        for (int r = 0; r < rowCount; r++) {
            if (!nulls[r]) {
                denseOffsets[j++] = size;
                System.arraycopy(vector.data(), offsets[r], data, size, offsets[r + 1] - offsets[r]);
                size += offsets[r + 1] - offsets[r];
            }
        }
        denseOffsets[valueCount] = size;
        return new BytesValues(data, denseOffsets, valueCount);
    }

    private static int countNulls(boolean[] nulls, int rowCount) {
        if (nulls == null) {
            return 0;
        }
        int count = 0;
        for (int r = 0; r < rowCount; r++) {
            count += nulls[r] ? 1 : 0;
        }
        return count;
    }

    /** Resolves the encoding to use: the forced one after checking it fits the data, else the selected one. */
    static EncodingKind resolve(EncodingKind forced, EncodingKind selected, int valueCount, boolean allEqual) {
        if (forced == null) {
            return selected;
        }
        if (valueCount == 0 && forced != EncodingKind.PLAIN) {
            throw new IllegalArgumentException("a block without non-null values is always PLAIN, not " + forced);
        }
        if (forced == EncodingKind.CONSTANT && !allEqual) {
            throw new IllegalArgumentException("CONSTANT needs all non-null values to be equal");
        }
        return forced;
    }
}
