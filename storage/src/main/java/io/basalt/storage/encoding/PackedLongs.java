package io.basalt.storage.encoding;

import io.basalt.storage.vector.LongVector;

/**
 * A LONG block without NULLs kept in its bit-packed form (BIT_PACKED: {@code base + packed}, DICTIONARY:
 * {@code entries[packed code]}), so a scan that keeps few of its rows unpacks only those
 * ({@link #gather}) and never the other 65,000: value {@code i} sits at bit {@code i * width} and is read
 * without touching its neighbours. {@link #unpackAll} decodes the whole block when every row is wanted.
 *
 * <p>The codes of a dictionary-encoded BYTES block without NULLs are kept the same way ({@link #readCodes}: a frame
 * of reference of base 0), read by {@link #gatherCodes} and {@link #selectCodes} (see {@link BlockDictionary}).
 *
 * <p>A test of every row ({@code positions} null) and a test of selected rows are separate methods, one loop each: C2
 * decides whether to inline a call by how often the profile saw it, and a method holding both loops compiled while
 * only one of them had run kept the other loop's {@link #packedAt} and {@link BranchFreeComparisons} calls as real
 * calls, one per row, for as long as that compiled code lived (seen running all 22 TPC-H queries in turn: 25–60 %
 * of Q7's, Q8's, Q17's and Q19's worker CPU in the bitmap test, against 13–20 % run alone). A loop of its own is
 * compiled from its own profile once it is hot; a dispatcher's call into a loop that had not run stays a call per
 * batch.
 */
public final class PackedLongs implements EncodedLongs {

    /** The widest values {@link #selectInRangeBySign} tests: differences of two of them cannot overflow. */
    private static final int MAX_SIGNED_TEST_WIDTH = 62;

    /**
     * The widest values {@link #sum} adds by bit planes: a 64-bit window costs {@code width} masked bit counts, which
     * beats extracting its {@code 64 / width} values one by one up to about this width.
     */
    static final int PLANE_SUM_WIDTH = 6;

    /** The widest values {@link #selectFewInRangeByLanes} tests: four of them and a 7-bit start fit one 8-byte load. */
    static final int LANE_TEST_WIDTH = 14;

    /** A one in each 16-bit lane of a long. */
    private static final long LANE_ONES = 0x0001_0001_0001_0001L;

    /** The top bit of each 16-bit lane of a long. */
    private static final long LANE_TOP_BITS = 0x8000_8000_8000_8000L;

    /** Fewer consecutive rows than this are tested by the scalar loop: the vectors' set-up would not pay. */
    private static final int MIN_VECTOR_ROWS = 64;

    private final byte[] bytes; // the packed stream from byte start on, then at least BitPacking.PACKED_PADDING more
    private final int start;
    private final int width;
    private final boolean twoLoads;
    /** {@link #valuesPerLoad(int)} of the width. */
    private final int valuesPerLoad;
    private final long mask;
    private final int count;
    private final long base;
    private final long[] entries; // DICTIONARY's values by code, or null for frame of reference
    /** For {@link #sumByPlanes}: mask {@code k} has the window bits {@code i} with {@code i mod width = k}. */
    private final long[] planeMasks;

    private PackedLongs(byte[] bytes, int start, int width, int count, long base, long[] entries) {
        this.bytes = bytes;
        this.start = start;
        this.width = width;
        this.twoLoads = width > BitPacking.ONE_LOAD_WIDTH;
        this.valuesPerLoad = valuesPerLoad(width);
        this.mask = width == 64 ? -1L : (1L << width) - 1;
        this.count = count;
        this.base = base;
        this.entries = entries;
        this.planeMasks = width >= 1 && width <= PLANE_SUM_WIDTH && entries == null ? planeMasks(width) : null;
    }

    private static long[] planeMasks(int width) {
        long[] masks = new long[width];
        for (int bit = 0; bit < Long.SIZE; bit++) {
            masks[bit % width] |= 1L << bit;
        }
        return masks;
    }

    /** BIT_PACKED values: {@code i64 base, u8 width, packed(value - base)}, checked for length. */
    static PackedLongs readFrameOfReference(ByteSource in, int count) {
        long base = in.readLong("frame-of-reference base");
        int width = in.readBitWidth("frame-of-reference width", 64);
        return frameOfReference(in, count, width, base);
    }

    /** The next {@code count} values of {@code width} bits, each plus {@code base} (the caller read the header). */
    static PackedLongs frameOfReference(ByteSource in, int count, int width, long base) {
        return packed(in, count, width, base, null);
    }

    /** DICTIONARY values (see {@code DictionaryLongEncoding}): the entries decoded, the codes left packed. */
    static PackedLongs readDictionary(ByteSource in, int count) {
        int size = in.readCount("dictionary size", 1, count);
        long entryBase = in.readLong("dictionary base");
        int valueWidth = in.readBitWidth("dictionary value width", 64);
        long[] entries = new long[size];
        BitPacking.unpack(in, size, valueWidth, entryBase, entries, 0);
        int codeWidth = in.readBitWidth("dictionary code width", 32);
        return packed(in, count, codeWidth, 0, entries);
    }

    /**
     * The codes of a dictionary (BYTES) block: {@code u8 width, packed(code)}, left packed. Codes are checked
     * against the dictionary when they are read ({@link #gatherCodes}, {@link #selectCodes}), not here.
     */
    static PackedLongs readCodes(ByteSource in, int count) {
        int width = in.readBitWidth("dictionary code width", 32);
        return packed(in, count, width, 0, null);
    }

    /**
     * The next {@code count} values of {@code width} bits: a view into the reader's array when it allows one (a block
     * read from a segment file: the copy was a tenth of the bytes TPC-H allocated), else a padded copy.
     */
    private static PackedLongs packed(ByteSource in, int count, int width, long base, long[] entries) {
        if (in.isViewable()) {
            int start = in.skip(BitPacking.checkedByteCount(in, count, width), "bit-packed values");
            return new PackedLongs(in.array(), start, width, count, base, entries);
        }
        return new PackedLongs(BitPacking.readPacked(in, count, width), 0, width, count, base, entries);
    }

    @Override
    public int count() {
        return count;
    }

    /**
     * {@inheritDoc}
     *
     * @throws BlockFormatException when a dictionary code points past the entries (the bytes are corrupt)
     */
    @Override
    public void gather(int offset, int[] positions, int from, int n, long[] out) {
        if (entries == null) {
            gatherFrameOfReference(offset, positions, from, n, out);
        } else {
            gatherEntries(offset, positions, from, n, out);
        }
    }

    private void gatherFrameOfReference(int offset, int[] positions, int from, int n, long[] out) {
        if (unpacksDensely(offset, positions, from, n, out.length)) {
            int first = offset + positions[from] & ~7;
            unpackByVectors(first, offset + positions[from + n - 1] - first + 1, base, out);
            keepRows(offset - first, positions, from, n, out);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = base + packed(offset + positions[from + i]);
        }
    }

    private void gatherEntries(int offset, int[] positions, int from, int n, long[] out) {
        if (unpacksDensely(offset, positions, from, n, out.length)) {
            int first = offset + positions[from] & ~7;
            unpackByVectors(first, offset + positions[from + n - 1] - first + 1, 0, out);
            keepEntriesOfRows(offset - first, positions, from, n, out, first);
            return;
        }
        for (int i = 0; i < n; i++) {
            int index = offset + positions[from + i];
            out[i] = entries[checkedCode(packed(index), entries.length, index)];
        }
    }

    /**
     * Whether a gather of the {@code n} rows {@code offset + positions[from + i]} unpacks every value from the first
     * row's group of eight to the last row by the vector kernel and keeps the wanted ones, in {@code out} itself
     * ({@code room} long): when the kernels are on, the width is theirs, the values fit and at least three in four of
     * them are wanted (unpacking and keeping then cost about half the scalar reads of the rows one by one: TPC-H Q1's
     * filter keeps 98 %).
     */
    private boolean unpacksDensely(int offset, int[] positions, int from, int n, int room) {
        if (!kernelsApply(n)) {
            return false;
        }
        long rows = offset + positions[from + n - 1] - (offset + positions[from] & ~7) + 1L;
        return rows <= room && rows * 3 <= n * 4L;
    }

    /**
     * {@code out[i] = out[shift + positions[from + i]]} for {@code i < n}, in place: the positions must ascend, so
     * every value is read before its slot is written over.
     *
     * @throws IllegalArgumentException when they do not (some values are then already written over)
     */
    private static void keepRows(int shift, int[] positions, int from, int n, long[] out) {
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int row = shift + positions[from + i];
            if (row <= previous) {
                throw positionsNotAscending(from + i);
            }
            out[i] = out[row];
            previous = row;
        }
    }

    /** {@link #keepRows} of codes in {@code out}, replaced by their entries; value {@code row} is {@code first + row}. */
    private void keepEntriesOfRows(int shift, int[] positions, int from, int n, long[] out, int first) {
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int row = shift + positions[from + i];
            if (row <= previous) {
                throw positionsNotAscending(from + i);
            }
            out[i] = entries[checkedCode(out[row], entries.length, first + row)];
            previous = row;
        }
    }

    private static IllegalArgumentException positionsNotAscending(int index) {
        return new IllegalArgumentException("rows to gather must ascend; position " + index + " does not");
    }

    /**
     * {@code out[i] = add + packed value first + i} for {@code i < rows}: the vector kernel's groups
     * ({@link PackedUnpackVectors}), the scalar loop for the rows before and after them (for every row when the
     * kernels are off or the width is not theirs).
     */
    private void unpackByVectors(int first, int rows, long add, long[] out) {
        int groups = vectorGroups(first, rows);
        if (groups == 0) {
            // Before any kernel class is touched: without the module they cannot load.
            unpackScalar(first, 0, rows, add, out);
            return;
        }
        int head = vectorHead(first);
        int vectorRows = groups * PackedIntLanes.lanes();
        unpackScalar(first, 0, head, add, out);
        PackedUnpackVectors.unpackLongs(bytes, firstByteOf(first + head), width, vectorRows, add, out, head);
        unpackScalar(first, head + vectorRows, rows, add, out);
    }

    /**
     * {@code out[i] = add + packed value first + i} for {@code from <= i < to}: several values from each 8-byte load
     * where they fit in it ({@link #valuesPerLoad}), then one load a value for the rest.
     */
    void unpackScalar(int first, int from, int to, long add, long[] out) {
        int i = switch (valuesPerLoad) {
            case 8 -> unpackEightPerLoad(first, from, to, add, out);
            case 4 -> unpackFourPerLoad(first, from, to, add, out);
            case 2 -> unpackTwoPerLoad(first, from, to, add, out);
            default -> from;
        };
        long bitPosition = (long) (first + i) * width;
        for (; i < to; i++, bitPosition += width) {
            out[i] = add + packedAt(bitPosition);
        }
    }

    /**
     * How many consecutive values one 8-byte load at the first one's byte holds whole, of 8, 4, 2 or 1: a value
     * starts up to 7 bits into its first byte, so {@code k} values fit when {@code 7 + k * width <= 64}.
     */
    private static int valuesPerLoad(int width) {
        if (width <= 7) {
            return 8;
        }
        return width <= 14 ? 4 : width <= 28 ? 2 : 1;
    }

    /**
     * {@link #unpackScalar}'s groups of eight values of at most 7 bits, one load each; returns the first row left.
     * Unrolled by hand, each group's shifts by constants times the width: one load, then a shift, mask and add a
     * value, where {@link #packedAt} loads, shifts and masks each (TPC-H's discount and tax, flags' codes).
     */
    private int unpackEightPerLoad(int first, int from, int to, long add, long[] out) {
        int i = from;
        long bitPosition = (long) (first + from) * width;
        long step = 8L * width;
        int w = width;
        long m = mask;
        for (; i + 8 <= to; i += 8, bitPosition += step) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            out[i] = add + (word & m);
            out[i + 1] = add + (word >>> w & m);
            out[i + 2] = add + (word >>> 2 * w & m);
            out[i + 3] = add + (word >>> 3 * w & m);
            out[i + 4] = add + (word >>> 4 * w & m);
            out[i + 5] = add + (word >>> 5 * w & m);
            out[i + 6] = add + (word >>> 6 * w & m);
            out[i + 7] = add + (word >>> 7 * w & m);
        }
        return i;
    }

    /** {@link #unpackEightPerLoad} for values of 8 to 14 bits, four a load. */
    private int unpackFourPerLoad(int first, int from, int to, long add, long[] out) {
        int i = from;
        long bitPosition = (long) (first + from) * width;
        long step = 4L * width;
        int w = width;
        long m = mask;
        for (; i + 4 <= to; i += 4, bitPosition += step) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            out[i] = add + (word & m);
            out[i + 1] = add + (word >>> w & m);
            out[i + 2] = add + (word >>> 2 * w & m);
            out[i + 3] = add + (word >>> 3 * w & m);
        }
        return i;
    }

    /** {@link #unpackEightPerLoad} for values of 15 to 28 bits, two a load. */
    private int unpackTwoPerLoad(int first, int from, int to, long add, long[] out) {
        int i = from;
        long bitPosition = (long) (first + from) * width;
        long step = 2L * width;
        int w = width;
        long m = mask;
        for (; i + 2 <= to; i += 2, bitPosition += step) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            out[i] = add + (word & m);
            out[i + 1] = add + (word >>> w & m);
        }
        return i;
    }

    /** {@code out[i] = value(from + i)} for {@code i < n}: consecutive values, walking the bit position. */
    @Override
    public void unpack(int from, int n, long[] out) {
        if (entries == null) {
            unpackFrameOfReference(from, n, out);
        } else {
            unpackEntries(from, n, out);
        }
    }

    private void unpackFrameOfReference(int from, int n, long[] out) {
        unpackByVectors(from, n, base, out); // all by the scalar loop when the kernels are off
    }

    private void unpackEntries(int from, int n, long[] out) {
        // The codes first (the vector kernels where they run, else several a load), then each replaced by its
        // entry: two passes cost less than reading the codes one load each.
        unpackByVectors(from, n, 0, out);
        for (int i = 0; i < n; i++) {
            out[i] = entries[checkedCode(out[i], entries.length, from + i)];
        }
    }

    /**
     * Codes ({@link #readCodes}): {@code out[i] = code(offset + positions[i])} for {@code i < n} (of
     * {@code offset + i} when {@code positions} is null).
     *
     * @throws BlockFormatException when a code is not below {@code entryCount} (the bytes are corrupt)
     */
    public void gatherCodes(int offset, int[] positions, int n, int entryCount, int[] out) {
        if (positions == null) {
            unpackCodes(offset, n, entryCount, out);
        } else {
            gatherCodesAt(offset, positions, n, entryCount, out);
        }
    }

    /**
     * Every code of {@code [offset, offset + n)}: unpacked as the values are ({@link #unpackCodesByVectors}, several a
     * load), then checked against {@code entryCount} in a pass of its own, only when the width can hold a code past
     * the entries. One load and a check a code cost 1 ns; a dictionary text column grouped over whole batches reads
     * every code of every block.
     */
    private void unpackCodes(int offset, int n, int entryCount, int[] out) {
        unpackCodesByVectors(offset, n, out);
        if (mask >= entryCount) {
            checkCodes(out, n, entryCount, offset);
        }
    }

    /**
     * Checks codes {@code out[0, n)}, of values {@code offset + i}, against {@code entryCount}: {@code entryCount - 1 -
     * code} is negative for a code past the entries, so one OR of those over the codes tells (a subtraction and an OR a
     * code, no branch; a running maximum was 7 % of a grouping by a text column's codes).
     */
    private static void checkCodes(int[] out, int n, int entryCount, int offset) {
        int last = entryCount - 1;
        int past = 0;
        for (int i = 0; i < n; i++) {
            past |= last - out[i];
        }
        if (past < 0) {
            for (int i = 0; i < n; i++) {
                checkedCode(out[i], entryCount, offset + i);
            }
        }
    }

    private void gatherCodesAt(int offset, int[] positions, int n, int entryCount, int[] out) {
        if (unpacksDensely(offset, positions, 0, n, out.length)) {
            int first = offset + positions[0] & ~7;
            unpackCodesByVectors(first, offset + positions[n - 1] - first + 1, out);
            keepCodesOfRows(offset - first, positions, n, entryCount, out, first);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = checkedCode(packed(offset + positions[i]), entryCount, offset + positions[i]);
        }
    }

    /** {@code out[i] = packed value first + i} for {@code i < rows}, as {@link #unpackByVectors} (unchecked codes). */
    private void unpackCodesByVectors(int first, int rows, int[] out) {
        int groups = vectorGroups(first, rows);
        if (groups == 0) {
            unpackCodesScalar(first, 0, rows, out);
            return;
        }
        int head = vectorHead(first);
        int vectorRows = groups * PackedIntLanes.lanes();
        unpackCodesScalar(first, 0, head, out);
        PackedUnpackVectors.unpackInts(bytes, firstByteOf(first + head), width, vectorRows, out, head);
        unpackCodesScalar(first, head + vectorRows, rows, out);
    }

    /**
     * {@code out[i] = packed value first + i} for {@code from <= i < to} (unchecked codes): several codes from each
     * 8-byte load where they fit in it, as {@link #unpackScalar} does for values, then one load a code for the rest.
     */
    private void unpackCodesScalar(int first, int from, int to, int[] out) {
        int i = switch (valuesPerLoad) {
            case 8 -> unpackCodesEightPerLoad(first, from, to, out);
            case 4 -> unpackCodesFourPerLoad(first, from, to, out);
            default -> from;
        };
        long bitPosition = (long) (first + i) * width;
        for (; i < to; i++, bitPosition += width) {
            out[i] = (int) packedAt(bitPosition);
        }
    }

    /** {@link #unpackEightPerLoad} of codes of at most 7 bits into ints; returns the first row left. */
    private int unpackCodesEightPerLoad(int first, int from, int to, int[] out) {
        int i = from;
        long bitPosition = (long) (first + from) * width;
        long step = 8L * width;
        int w = width;
        long m = mask;
        for (; i + 8 <= to; i += 8, bitPosition += step) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            out[i] = (int) (word & m);
            out[i + 1] = (int) (word >>> w & m);
            out[i + 2] = (int) (word >>> 2 * w & m);
            out[i + 3] = (int) (word >>> 3 * w & m);
            out[i + 4] = (int) (word >>> 4 * w & m);
            out[i + 5] = (int) (word >>> 5 * w & m);
            out[i + 6] = (int) (word >>> 6 * w & m);
            out[i + 7] = (int) (word >>> 7 * w & m);
        }
        return i;
    }

    /** {@link #unpackCodesEightPerLoad} for codes of 8 to 14 bits, four a load (wider dictionaries are rare). */
    private int unpackCodesFourPerLoad(int first, int from, int to, int[] out) {
        int i = from;
        long bitPosition = (long) (first + from) * width;
        long step = 4L * width;
        int w = width;
        long m = mask;
        for (; i + 4 <= to; i += 4, bitPosition += step) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            out[i] = (int) (word & m);
            out[i + 1] = (int) (word >>> w & m);
            out[i + 2] = (int) (word >>> 2 * w & m);
            out[i + 3] = (int) (word >>> 3 * w & m);
        }
        return i;
    }

    /** {@link #keepRows} of codes, each checked against {@code entryCount}; value {@code row} is {@code first + row}. */
    private static void keepCodesOfRows(int shift, int[] positions, int n, int entryCount, int[] out, int first) {
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int row = shift + positions[i];
            if (row <= previous) {
                throw positionsNotAscending(i);
            }
            out[i] = checkedCode(out[row], entryCount, first + row);
            previous = row;
        }
    }

    /**
     * Codes ({@link #readCodes}): writes to {@code out} the rows of {@code positions[0, count)} (all of
     * {@code [0, count)} when null) whose code {@code c} has {@code passing[c]}, in order, and returns how many; the
     * code of row {@code r} is code {@code offset + r}. Only the codes of those rows are read. {@code out} may be
     * {@code positions}.
     *
     * @param passing per code, whether its rows are kept; codes must be below {@code entryCount}
     * @throws BlockFormatException when a code is not below {@code entryCount} (the bytes are corrupt)
     */
    public int selectCodes(int offset, int[] positions, int count, boolean[] passing, int entryCount, int[] out) {
        return positions == null
                ? selectCodes(offset, count, passing, entryCount, out)
                : selectCodesAt(offset, positions, count, passing, entryCount, out);
    }

    private int selectCodes(int offset, int count, boolean[] passing, int entryCount, int[] out) {
        int kept = 0;
        long bitPosition = (long) offset * width;
        for (int i = 0; i < count; i++, bitPosition += width) {
            out[kept] = i;
            kept += passing[checkedCode(packedAt(bitPosition), entryCount, offset + i)] ? 1 : 0;
        }
        return kept;
    }

    private int selectCodesAt(int offset, int[] positions, int count, boolean[] passing, int entryCount, int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            out[kept] = row;
            kept += passing[checkedCode(packed(offset + row), entryCount, offset + row)] ? 1 : 0;
        }
        return kept;
    }

    /** The code as an index into the entries: small enough for C2 to inline at any call, the message built elsewhere. */
    private static int checkedCode(long code, int entryCount, int index) {
        if (code >= entryCount) {
            throw codeOutsideEntries(code, entryCount, index);
        }
        return (int) code;
    }

    private static BlockFormatException codeOutsideEntries(long code, int entryCount, int index) {
        return new BlockFormatException("dictionary code " + code + " at value " + index + " is outside the "
                + entryCount + " entries");
    }

    /**
     * Writes to {@code out} the rows of {@code positions[0, count)} (all of {@code [0, count)} when null) whose
     * value lies in {@code [low, high]}, in order, and returns how many; value of row {@code r} is value
     * {@code offset + r} of the block. The bounds are translated once into the packed domain (minus the frame of
     * reference, or to a code range, since dictionary entries are sorted), so the rows are compared on their
     * packed bits and never unpacked. {@code out} may be {@code positions}. A corrupt dictionary code past the
     * entries is outside every code range, so it is dropped here and reported when the row is gathered.
     */
    @Override
    public int selectInRange(int offset, int[] positions, int count, long low, long high, int[] out) {
        long packedLow;
        long packedHigh;
        if (entries == null) {
            if (low > high || high < base || Long.compareUnsigned(Math.max(low, base) - base, mask) > 0) {
                return 0;
            }
            // Both differences are non-negative as unsigned numbers, whatever the signs of the operands.
            packedLow = Math.max(low, base) - base;
            long above = high - base;
            packedHigh = Long.compareUnsigned(above, mask) > 0 ? mask : above;
        } else {
            packedLow = entriesBefore(low, false);
            packedHigh = entriesBefore(high, true) - 1;
            if (low > high || packedLow > packedHigh) {
                return 0;
            }
        }
        if (this.width <= MAX_SIGNED_TEST_WIDTH) {
            return selectInRangeBySign(offset, positions, count, packedLow, packedHigh, out);
        }
        // One unsigned comparison tests both bounds: p - packedLow wraps above the width when p < packedLow.
        long width = (packedHigh - packedLow) + Long.MIN_VALUE;
        int kept = 0;
        if (positions == null) {
            long bitPosition = (long) offset * this.width;
            for (int i = 0; i < count; i++, bitPosition += this.width) {
                out[kept] = i;
                kept += (packedAt(bitPosition) - packedLow) + Long.MIN_VALUE <= width ? 1 : 0;
            }
        } else {
            for (int i = 0; i < count; i++) {
                int row = positions[i];
                out[kept] = row;
                kept += (packed(offset + row) - packedLow) + Long.MIN_VALUE <= width ? 1 : 0;
            }
        }
        return kept;
    }

    /**
     * {@link #selectInRange} for widths up to {@link #MAX_SIGNED_TEST_WIDTH}, whose packed values and bounds are small
     * enough for {@link BranchFreeComparisons#withinSmall}: no branch for C2 to make of the test (Q6's shipping date
     * range 1.7 → 1.0 ns a row alone, 5.5 → 1.0 when the profile came from a filter keeping nearly every row).
     */
    private int selectInRangeBySign(int offset, int[] positions, int count, long packedLow, long packedHigh, int[] out) {
        return positions == null
                ? selectInRangeBySign(offset, count, packedLow, packedHigh, out)
                : selectInRangeBySignAt(offset, positions, count, packedLow, packedHigh, out);
    }

    private int selectInRangeBySign(int offset, int count, long packedLow, long packedHigh, int[] out) {
        int groups = vectorGroups(offset, count);
        if (groups == 0) {
            return selectsFew(packedLow, packedHigh)
                    ? selectFewInRangeByLanes(offset, count, packedLow, packedHigh, out)
                    : selectInRangeBySign(offset, 0, count, packedLow, packedHigh, out, 0);
        }
        int head = vectorHead(offset);
        int kept = selectInRangeBySign(offset, 0, head, packedLow, packedHigh, out, 0);
        int vectorRows = groups * PackedIntLanes.lanes();
        kept = PackedRangeVectors.select(bytes, firstByteOf(offset + head), width, head, vectorRows, (int) packedLow,
                (int) packedHigh, out, kept);
        return selectInRangeBySign(offset, head + vectorRows, count, packedLow, packedHigh, out, kept);
    }

    /**
     * Whether {@link #selectFewInRangeByLanes} tests consecutive rows: values of at most
     * {@value #LANE_TEST_WIDTH} bits, and a range covering at most an eighth of the values the width can hold (a
     * guess, free of any statistics, that it keeps few rows: TPC-H's date ranges of a month to a year over seven
     * years of dates, 12 bits).
     */
    private boolean selectsFew(long packedLow, long packedHigh) {
        return width >= 1 && width <= LANE_TEST_WIDTH && (packedHigh - packedLow + 1) * 8 <= 1L << width;
    }

    /**
     * {@link #selectInRangeBySign} of the consecutive rows {@code [0, count)} when it keeps few: four values from each
     * 8-byte load, spread into the four 16-bit lanes of a long and compared with both bounds at once (a lane's top bit,
     * set above every value, survives subtracting the low bound when the value is at least that, and subtracting
     * the value from the high bound with the bit set when the value is at most that), then one branch for the four,
     * rarely taken. Measured on 12-bit values (65,536 a block, JDK 17): 0.91 ns a row keeping 2 %, 1.17 keeping 10 %,
     * against 1.41 for the branch-free loop, which stays for ranges that may keep more (at 30 % and above the lanes
     * cost as much or more).
     */
    private int selectFewInRangeByLanes(int offset, int count, long packedLow, long packedHigh, int[] out) {
        long lows = packedLow * LANE_ONES;
        long highs = (packedHigh * LANE_ONES) | LANE_TOP_BITS;
        int w = width;
        long m = mask;
        int kept = 0;
        int i = 0;
        long bitPosition = (long) offset * w;
        for (; i + 4 <= count; i += 4, bitPosition += 4L * w) {
            long word = ByteSource.longAt(bytes, start + (int) (bitPosition >>> 3)) >>> (bitPosition & 7);
            long lanes = (word & m) | (word >>> w & m) << 16 | (word >>> 2 * w & m) << 32 | (word >>> 3 * w & m) << 48;
            long within = ((lanes | LANE_TOP_BITS) - lows) & (highs - lanes) & LANE_TOP_BITS;
            if (within != 0) {
                out[kept] = i;
                kept += (int) (within >>> 15) & 1;
                out[kept] = i + 1;
                kept += (int) (within >>> 31) & 1;
                out[kept] = i + 2;
                kept += (int) (within >>> 47) & 1;
                out[kept] = i + 3;
                kept += (int) (within >>> 63);
            }
        }
        return selectInRangeBySign(offset, i, count, packedLow, packedHigh, out, kept);
    }

    /**
     * {@link #selectInRangeBySign} of rows {@code [from, to)}, writing from {@code out[kept]} on; returns the new
     * count.
     */
    private int selectInRangeBySign(int offset, int from, int to, long packedLow, long packedHigh, int[] out,
                                    int kept) {
        long bitPosition = (long) (offset + from) * width;
        for (int i = from; i < to; i++, bitPosition += width) {
            long value = packedAt(bitPosition);
            out[kept] = i;
            kept += BranchFreeComparisons.withinSmall(value, packedLow, packedHigh);
        }
        return kept;
    }

    /**
     * How many groups of {@link PackedIntLanes#lanes()} values the vector kernels test of rows {@code [0, count)}:
     * those after the {@link #vectorHead} whose loads stay in the array; 0 when the kernels are off, the width is
     * outside theirs, or there are too few rows for their set-up to pay. The scalar loops test the rest.
     */
    private int vectorGroups(int offset, int count) {
        if (!kernelsApply(count)) {
            return 0;
        }
        int head = vectorHead(offset);
        int lanes = PackedIntLanes.lanes();
        int groupBytes = lanes / 8 * width;
        int room = bytes.length - PackedIntLanes.loadBytes() - firstByteOf(offset + head);
        return room < 0 ? 0 : Math.min((count - head) / lanes, room / groupBytes + 1);
    }

    /**
     * Whether the vector kernels may take {@code rows} values of this column: they are on, the width is theirs, and
     * there are enough rows for their set-up to pay.
     */
    private boolean kernelsApply(int rows) {
        return VectorInstructions.PACKED_KERNELS && width >= 1 && width <= VectorInstructions.MAX_RANGE_WIDTH
                && rows >= MIN_VECTOR_ROWS;
    }

    /** The rows before the first whose bits start on a byte boundary (every eighth value's do). */
    private static int vectorHead(int offset) {
        return -offset & 7;
    }

    /** The array index of the byte holding the first bit of value {@code index}. */
    private int firstByteOf(int index) {
        return start + (int) ((long) index * width >>> 3);
    }

    private int selectInRangeBySignAt(int offset, int[] positions, int count, long packedLow, long packedHigh,
                                      int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long value = packed(offset + row);
            out[kept] = row;
            kept += BranchFreeComparisons.withinSmall(value, packedLow, packedHigh);
        }
        return kept;
    }

    /** Whether the values are {@code base + packed} (BIT_PACKED), not dictionary codes. */
    public boolean isFrameOfReference() {
        return entries == null;
    }

    /**
     * Of a frame-of-reference block ({@link #isFrameOfReference}): writes to {@code out} the rows of
     * {@code positions[0, count)} (all of {@code [0, count)} when null) whose value {@code v} lies in
     * {@code [min, min + span]} ({@code span >= 0}) with bit {@code v - min} of {@code words} set, in order, and
     * returns how many; the value of row {@code r} is value {@code offset + r}. {@code words}' last word must be zero
     * and lie past the range's bits: a value outside the range is tested there, so there is no branch on either test.
     * The packed bits are tested as they are read (a join filter's bitmap, without unpacking a chunk of keys first:
     * 1.52 → 1.18 ns a key in a micro-benchmark). {@code out} may be {@code positions}.
     *
     * <p>With {@code fewKept} (a filter that kept few rows so far) a row is written only when its bit is set, a branch
     * the processor predicts while most rows fail: faster when few rows pass (micro-benchmark, 18-bit keys: 2.4 against
     * 3.1 ns a row at 0.7 % and 20 % kept), slower when about half do (3.6–4.9 against 3.2 at 50 %).
     */
    public int selectInBitmap(int offset, int[] positions, int count, long min, long span, long[] words, int[] out,
                              boolean fewKept) {
        // base + packed - min, with the same wrapping as the key's own subtraction.
        long shift = base - min;
        long outside = (long) (words.length - 1) << 6;
        if (positions == null) {
            return selectConsecutiveInBitmap(offset, count, shift, span, outside, words, out, fewKept);
        }
        return fewKept
                ? selectFewInBitmapAt(offset, positions, count, shift, span, outside, words, out)
                : selectInBitmapAt(offset, positions, count, shift, span, outside, words, out);
    }

    /**
     * {@link #selectInBitmap} of the consecutive rows {@code [0, count)}: with {@link PackedBitmapVectors} when the
     * vector kernels are on, else by {@code selectFewInBitmap} or this branch-free loop.
     */
    private int selectConsecutiveInBitmap(int offset, int count, long shift, long span, long outside, long[] words,
                                          int[] out, boolean fewKept) {
        int groups = vectorGroups(offset, count);
        // Only now may PackedBitmapVectors load: without the module (vectorGroups says 0) it cannot.
        if (groups == 0 || !PackedBitmapVectors.fitsInLanes(shift)) {
            return fewKept
                    ? selectFewInBitmap(offset, 0, count, shift, span, outside, words, out, 0)
                    : selectInBitmap(offset, count, shift, span, outside, words, out);
        }
        int head = vectorHead(offset);
        int kept = selectFewInBitmap(offset, 0, head, shift, span, outside, words, out, 0);
        int vectorRows = groups * PackedIntLanes.lanes();
        kept = PackedBitmapVectors.select(bytes, firstByteOf(offset + head), width, head, vectorRows, shift, span, words,
                out, kept);
        return selectFewInBitmap(offset, head + vectorRows, count, shift, span, outside, words, out, kept);
    }

    /** {@link #selectInBitmap} of the consecutive rows {@code [0, count)}; see the class comment on one loop a method. */
    private int selectInBitmap(int offset, int count, long shift, long span, long outside, long[] words, int[] out) {
        int kept = 0;
        long bitPosition = (long) offset * width;
        for (int i = 0; i < count; i++, bitPosition += width) {
            long at = BranchFreeComparisons.atMostOr(packedAt(bitPosition) + shift, span, outside);
            out[kept] = i;
            kept += (int) (words[(int) (at >>> 6)] >>> at) & 1;
        }
        return kept;
    }

    /** {@link #selectInBitmap} of the rows {@code positions[0, count)}. */
    private int selectInBitmapAt(int offset, int[] positions, int count, long shift, long span, long outside,
                                 long[] words, int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long at = BranchFreeComparisons.atMostOr(packed(offset + row) + shift, span, outside);
            out[kept] = row;
            kept += (int) (words[(int) (at >>> 6)] >>> at) & 1;
        }
        return kept;
    }

    /**
     * The branching test of the consecutive rows {@code [from, to)} ({@code fewKept}, and the rows the vector kernel
     * leaves), writing from {@code out[kept]} on; returns the new count.
     */
    private int selectFewInBitmap(int offset, int from, int to, long shift, long span, long outside, long[] words,
                                  int[] out, int kept) {
        long bitPosition = (long) (offset + from) * width;
        for (int i = from; i < to; i++, bitPosition += width) {
            long at = BranchFreeComparisons.atMostOr(packedAt(bitPosition) + shift, span, outside);
            if ((words[(int) (at >>> 6)] & 1L << at) != 0) {
                out[kept++] = i;
            }
        }
        return kept;
    }

    /** The branching test of the rows {@code positions[0, count)} ({@code fewKept}). */
    private int selectFewInBitmapAt(int offset, int[] positions, int count, long shift, long span, long outside,
                                    long[] words, int[] out) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int row = positions[i];
            long at = BranchFreeComparisons.atMostOr(packed(offset + row) + shift, span, outside);
            if ((words[(int) (at >>> 6)] & 1L << at) != 0) {
                out[kept++] = row;
            }
        }
        return kept;
    }

    /** How many dictionary entries are below {@code value} (or equal to it too, when {@code orEqual}). */
    private int entriesBefore(long value, boolean orEqual) {
        int low = 0;
        int high = entries.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries[middle] < value || orEqual && entries[middle] == value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Value {@code index} of a frame-of-reference block. */
    long valueAt(int index) {
        return base + packed(index);
    }

    /**
     * The sum of the frame-of-reference values {@code [from, from + n)}, wrapping. Values of at most
     * {@link #PLANE_SUM_WIDTH} bits are summed by bit planes ({@link #sumByPlanes}), wider ones one by one.
     */
    long sum(int from, int n) {
        if (n <= 0) {
            return 0;
        }
        if (width == 0) {
            return n * base;
        }
        if (planeMasks != null) {
            return n * base + sumByPlanes((long) from * width, (long) (from + n) * width);
        }
        long sum = 0;
        long bitPosition = (long) from * width;
        for (int i = 0; i < n; i++, bitPosition += width) {
            sum += base + packedAt(bitPosition);
        }
        return sum;
    }

    /**
     * The sum of the packed values whose bits are {@code [bitStart, bitEnd)} (both multiples of the width): bit
     * {@code j} of a value is worth {@code 2^j}, and it is the stream bit {@code p} with {@code p mod width = j}, so the
     * sum is {@code sum over j of 2^j × (set bits p in the range with p mod width = j)}. A 64-bit window of the stream
     * is counted with {@code width} masked bit counts, whatever the number of values in it (12 of 5 bits: orders' key
     * differences). The windows start at byte boundaries and read past {@code bitEnd} only into the stream's padding.
     */
    private long sumByPlanes(long bitStart, long bitEnd) {
        long[] planes = planeMasks;
        long sum = 0;
        long window = bitStart & ~7L;
        long word = ByteSource.longAt(bytes, start + (int) (window >>> 3)) & (-1L << (bitStart - window));
        while (true) {
            long remaining = bitEnd - window;
            if (remaining < Long.SIZE) {
                word &= (1L << remaining) - 1;
            }
            // Bit i of the window is stream bit window + i: worth 2^((window + i) mod width).
            int weight = (int) (window % width);
            for (int plane = 0; plane < width; plane++) {
                sum += (long) Long.bitCount(word & planes[plane]) << weight;
                weight = weight + 1 == width ? 0 : weight + 1;
            }
            window += Long.SIZE;
            if (window >= bitEnd) {
                return sum;
            }
            word = ByteSource.longAt(bytes, start + (int) (window >>> 3));
        }
    }

    /**
     * The running sums of values {@code [from, from + n - 1)} after {@code first}: {@code out[0] = first},
     * {@code out[k] = out[k - 1] + value(from + k - 1)} for {@code 0 < k < n}, wrapping (a stretch of a DELTA block's
     * values from its differences; all of them with {@code from = 0, n = count() + 1}).
     */
    void runningSums(int from, int n, long first, long[] out) {
        long sum = first;
        out[0] = sum;
        long bitPosition = (long) from * width;
        for (int k = 1; k < n; k++, bitPosition += width) {
            sum += base + packedAt(bitPosition);
            out[k] = sum;
        }
    }

    /** Every value, as one vector of {@link #count()} positions. */
    @Override
    public LongVector unpackAll() {
        LongVector vector = new LongVector(count);
        long[] values = vector.values();
        long bitPosition = 0;
        if (entries == null) {
            for (int i = 0; i < count; i++, bitPosition += width) {
                values[i] = base + packedAt(bitPosition);
            }
        } else {
            for (int i = 0; i < count; i++, bitPosition += width) {
                values[i] = entries[checkedCode(packedAt(bitPosition), entries.length, i)];
            }
        }
        vector.setPositionCount(count);
        return vector;
    }

    private long packed(int index) {
        return packedAt((long) index * width);
    }

    /**
     * The packed value at {@code bitPosition}: one unaligned 8-byte load at its first byte, shifted by the bit
     * offset in that byte (two loads only for values over 57 bits). Measured against reading the two 64-bit words
     * a value may straddle (two bounds-checked loads and a combining shift): gathering Q1's four DECIMAL columns at
     * its filter's rows 2.3 → 1.2 ns per value, unpacking a whole block 1.7 → 0.7 ns.
     */
    private long packedAt(long bitPosition) {
        int at = start + (int) (bitPosition >>> 3);
        int shift = (int) (bitPosition & 7);
        long value = ByteSource.longAt(bytes, at) >>> shift;
        if (twoLoads) {
            // The bits past the first 8 bytes; (x << 1) << (63 - shift) is x << (64 - shift) without the wrap at 64.
            value |= (ByteSource.longAt(bytes, at + 8) << 1) << (63 - shift);
        }
        return value & mask;
    }
}
