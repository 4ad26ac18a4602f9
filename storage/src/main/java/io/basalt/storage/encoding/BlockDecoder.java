package io.basalt.storage.encoding;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DictionaryView;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Decodes a block body written by {@link BlockEncoder} into a new vector. Values are decoded densely into
 * the vector's own array and then spread over the non-null rows in place, so fixed-width kinds allocate
 * nothing per value. Any inconsistency in the bytes raises {@link BlockFormatException}.
 */
public final class BlockDecoder {

    private BlockDecoder() {
    }

    public static ColumnVector decode(PhysicalKind kind, EncodingKind encoding, int rowCount,
                                      byte[] body, int offset, int length) {
        return decodeBlock(kind, encoding, rowCount, body, offset, length).vector();
    }

    /** {@link #decode}, keeping the dictionary form of a dictionary-encoded BYTES block. */
    public static DecodedBlock decodeBlock(PhysicalKind kind, EncodingKind encoding, int rowCount,
                                           byte[] body, int offset, int length) {
        return decodeBlock(kind, encoding, rowCount, new ByteSource(body, offset, length));
    }

    /**
     * {@link #decodeBlock} of {@code body[0, length)}, an array that nobody changes any more, with at least
     * {@link BitPacking#PACKED_PADDING} spare bytes after the block: the decoded block may keep views into it.
     */
    public static DecodedBlock decodeOwnedBlock(PhysicalKind kind, EncodingKind encoding, int rowCount, byte[] body,
                                                int length) {
        return decodeBlock(kind, encoding, rowCount, ByteSource.ofOwnedArray(body, length));
    }

    private static DecodedBlock decodeBlock(PhysicalKind kind, EncodingKind encoding, int rowCount, ByteSource in) {
        if (rowCount < 0 || rowCount > BlockLimits.MAX_ROWS) {
            throw new BlockFormatException("block claims " + rowCount + " rows, at most " + BlockLimits.MAX_ROWS + " allowed");
        }
        if (!encoding.appliesTo(kind)) {
            throw new BlockFormatException(encoding + " is not an encoding of " + kind + " blocks");
        }
        int flags = in.readUnsignedByte("block flags");
        if ((flags & ~BlockEncoder.FLAG_HAS_NULLS) != 0) {
            throw new BlockFormatException("unknown block flags " + flags);
        }
        boolean[] nulls = null;
        int nullCount = 0;
        if ((flags & BlockEncoder.FLAG_HAS_NULLS) != 0) {
            nulls = new boolean[rowCount];
            nullCount = NullBitmap.read(in, rowCount, nulls);
            if (nullCount == 0) {
                throw new BlockFormatException("block has a null bitmap without nulls");
            }
        }
        int valueCount = rowCount - nullCount;
        if (valueCount == 0 && encoding != EncodingKind.PLAIN) {
            throw new BlockFormatException("a block without non-null values must be PLAIN, not " + encoding);
        }
        DecodedBlock block = switch (kind) {
            case LONG -> nulls == null && encoding == EncodingKind.BIT_PACKED
                    ? DecodedBlock.ofEncodedLongs(PackedLongs.readFrameOfReference(in, rowCount))
                    : nulls == null && encoding == EncodingKind.DICTIONARY
                    ? DecodedBlock.ofEncodedLongs(PackedLongs.readDictionary(in, rowCount))
                    : nulls == null && encoding == EncodingKind.RUN_LENGTH
                    ? DecodedBlock.ofEncodedLongs(RunLengthLongs.read(in, rowCount))
                    : nulls == null && encoding == EncodingKind.CONSTANT
                    ? DecodedBlock.ofEncodedLongs(ConstantLongEncoding.read(in, rowCount))
                    : nulls == null && encoding == EncodingKind.DELTA
                    ? DecodedBlock.ofEncodedLongs(DeltaLongs.read(in, rowCount))
                    : new DecodedBlock(decodeLongs(encoding, in, rowCount, valueCount, nulls), null);
            case DOUBLE -> new DecodedBlock(decodeDoubles(encoding, in, rowCount, valueCount, nulls), null);
            case INT128 -> new DecodedBlock(decodeInt128s(encoding, in, rowCount, valueCount, nulls), null);
            case BYTES -> decodeBytes(encoding, in, rowCount, nulls);
            case BOOLEAN -> new DecodedBlock(decodeBooleans(encoding, in, rowCount, valueCount, nulls), null);
        };
        in.expectEnd("block");
        return block;
    }

    private static ColumnVector decodeLongs(EncodingKind encoding, ByteSource in, int rowCount, int valueCount,
                                            boolean[] nulls) {
        LongVector vector = new LongVector(rowCount);
        long[] values = vector.values();
        LongBlockEncoding.decode(encoding, in, valueCount, values);
        if (nulls != null) {
            NullBitmap.scatter(values, valueCount, nulls, rowCount);
        }
        return finish(vector, rowCount, nulls);
    }

    private static ColumnVector decodeDoubles(EncodingKind encoding, ByteSource in, int rowCount, int valueCount,
                                              boolean[] nulls) {
        DoubleVector vector = new DoubleVector(rowCount);
        double[] values = vector.values();
        DoubleBlockEncoding.decode(encoding, in, valueCount, values);
        if (nulls != null) {
            NullBitmap.scatter(values, valueCount, nulls, rowCount);
        }
        return finish(vector, rowCount, nulls);
    }

    private static ColumnVector decodeInt128s(EncodingKind encoding, ByteSource in, int rowCount, int valueCount,
                                              boolean[] nulls) {
        Int128Vector vector = new Int128Vector(rowCount);
        long[] high = vector.high();
        long[] low = vector.low();
        Int128BlockEncoding.decode(encoding, in, valueCount, high, low);
        if (nulls != null) {
            NullBitmap.scatter(high, valueCount, nulls, rowCount);
            NullBitmap.scatter(low, valueCount, nulls, rowCount);
        }
        return finish(vector, rowCount, nulls);
    }

    private static ColumnVector decodeBooleans(EncodingKind encoding, ByteSource in, int rowCount, int valueCount,
                                               boolean[] nulls) {
        BooleanVector vector = new BooleanVector(rowCount);
        boolean[] values = vector.values();
        BooleanBlockEncoding.decode(encoding, in, valueCount, values);
        if (nulls != null) {
            NullBitmap.scatter(values, valueCount, nulls, rowCount);
        }
        return finish(vector, rowCount, nulls);
    }

    private static DecodedBlock decodeBytes(EncodingKind encoding, ByteSource in, int rowCount, boolean[] nulls) {
        BytesSlices slices = BytesBlockEncoding.decode(encoding, in, rowCount - countOf(nulls, rowCount));
        if (slices.dictionary() != null) {
            return DecodedBlock.ofDictionary(dictionary(slices, rowCount, nulls));
        }
        if (nulls == null && in.isViewable()) {
            return DecodedBlock.ofPlainBytes(new PlainBytesBlock(slices.source(), slices.starts(), slices.lengths(),
                    rowCount));
        }
        BytesVector vector = new BytesVector(rowCount, (int) slices.totalBytes());
        vector.appendSlices(slices.source(), slices.starts(), slices.lengths(), nulls, rowCount);
        return new DecodedBlock(vector, null);
    }

    private static BlockDictionary dictionary(BytesSlices slices, int rowCount, boolean[] nulls) {
        BytesSlices dictionary = slices.dictionary();
        BytesVector entries = new BytesVector(dictionary.count(), (int) dictionary.totalBytes());
        for (int e = 0; e < dictionary.count(); e++) {
            entries.append(dictionary.source(), dictionary.starts()[e], dictionary.lengths()[e]);
        }
        if (nulls == null) {
            return BlockDictionary.packed(entries, slices.codes());
        }
        int[] valueCodes = new int[slices.count()];
        slices.codes().gatherCodes(0, null, slices.count(), dictionary.count(), valueCodes);
        int[] codes = new int[rowCount];
        int j = 0;
        for (int r = 0; r < rowCount; r++) {
            codes[r] = nulls[r] ? DictionaryView.NULL_CODE : valueCodes[j++];
        }
        return BlockDictionary.unpacked(entries, codes);
    }

    private static ColumnVector finish(ColumnVector vector, int rowCount, boolean[] nulls) {
        vector.setPositionCount(rowCount);
        if (nulls != null) {
            for (int r = 0; r < rowCount; r++) {
                if (nulls[r]) {
                    vector.setNull(r, true);
                }
            }
        }
        return vector;
    }

    private static int countOf(boolean[] nulls, int rowCount) {
        int count = 0;
        if (nulls != null) {
            for (int r = 0; r < rowCount; r++) {
                count += nulls[r] ? 1 : 0;
            }
        }
        return count;
    }
}
