package io.basalt.storage.vector;

import io.basalt.storage.type.PhysicalKind;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Variable-length values (UTF-8 text) in one byte arena: value {@code i} is
 * {@code data[offsets[i] .. offsets[i + 1])}. Values are appended in position order; a null takes an empty
 * slot.
 *
 * <p>A vector gathered whole from one dictionary ({@link #appendFromDictionary} into an empty vector) also keeps
 * that dictionary and each position's code ({@link #dictionary()}), so consumers such as group tables can work on
 * small integer codes instead of bytes. Any later change drops them (every append goes through
 * {@link #ensureCapacity}); vectors are filled before they are handed on, and {@code setNull} is only used while
 * filling, before the dictionary is attached.
 *
 * <p>One-byte values without NULLs gathered from a dictionary ({@link #fromCodesWithoutNulls}) are written out only
 * when something reads their bytes: TPC-H Q1 groups its two flags by code and never did, and writing them was 7 % of
 * its CPU. Such a vector holds no data array until then; every read of the bytes goes through {@link #bytes}, which
 * writes them once (under the vector's lock, published with release semantics: a batch a shared result hands to two
 * pipelines may be read by two threads at once).
 */
public final class BytesVector extends ColumnVector {

    /**
     * The offsets {@code 0, 1, 2, …} of one-byte values without NULLs, shared by every vector {@link #fromCodes} builds
     * of such values (up to one storage block's 65,536 rows) instead of an array of them per vector. Never written:
     * every change of a vector goes through {@link #ensureCapacity} (or {@link #reset}), which copies it first.
     */
    private static final int[] ONE_BYTE_OFFSETS = countingFromZero(65_537);

    private static final VarHandle DATA;
    private static final VarHandle OFFSETS;

    static {
        try {
            DATA = MethodHandles.lookup().findVarHandle(BytesVector.class, "data", byte[].class);
            OFFSETS = MethodHandles.lookup().findVarHandle(BytesVector.class, "offsets", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The values' bytes; null while a vector built from dictionary codes has not written them yet ({@link #bytes}). */
    private byte[] data;
    /** Where each value starts in {@link #data}; null, like it, until a deferred vector of longer values writes them. */
    private int[] offsets;
    private DictionaryView dictionary;

    public BytesVector(int capacity, int dataCapacity) {
        super(capacity);
        this.data = new byte[Math.max(dataCapacity, 16)];
        this.offsets = new int[Math.max(capacity, 1) + 1];
    }

    private BytesVector(boolean[] nulls, byte[] data, int[] offsets) {
        super(nulls);
        this.data = data;
        this.offsets = offsets;
    }

    /**
     * A vector of the entries of {@code entries} that {@code rowCodes[0, count)} name, a negative code being NULL,
     * keeping {@code entries} and the codes (taken over) as its {@link #dictionary()}. Rows of one-byte entries
     * without NULLs (CHAR(1) flags such as TPC-H Q1's {@code l_returnflag}) are one byte load and store each, with
     * the shared {@link #ONE_BYTE_OFFSETS}: writing a NULL flag and an offset per row, and the array of offsets, cost
     * about as much as gathering the codes (5 % of Q1's samples).
     */
    public static BytesVector fromCodes(BytesVector entries, int[] rowCodes, int count) {
        return fromCodes(entries, rowCodes, count, VectorBuffers.NEW);
    }

    /**
     * {@link #fromCodes(BytesVector, int[], int, VectorBuffers)} of codes that are all entries (no NULL), as a vector
     * that writes its values only when they are read ({@link #bytes}, {@link #offsetArray}), so a consumer working on
     * the codes alone (a group table, a join on dictionary codes) never pays for them: grouping lineitem by
     * {@code l_shipmode} and {@code l_returnflag} spent 60 % of its time copying the shipping modes' bytes.
     */
    public static BytesVector fromCodesWithoutNulls(BytesVector entries, int[] rowCodes, int count,
                                                    VectorBuffers buffers) {
        if (count < ONE_BYTE_OFFSETS.length && singleByteEntries(entries, count)) {
            return oneByteRows(entries, rowCodes, count, null, buffers);
        }
        BytesVector vector = new BytesVector(buffers.clearFlags(count), null, null);
        vector.positionCount = count;
        vector.dictionary = new DictionaryView(entries, rowCodes);
        return vector;
    }

    /** {@link #fromCodes(BytesVector, int[], int)} with the arrays of one-byte rows from {@code buffers}. */
    public static BytesVector fromCodes(BytesVector entries, int[] rowCodes, int count, VectorBuffers buffers) {
        if (count < ONE_BYTE_OFFSETS.length && singleByteEntries(entries, count)) {
            byte[] values = singleBytes(entries.bytes(), rowCodes, count, buffers);
            if (values != null) {
                return oneByteRows(entries, rowCodes, count, values, buffers);
            }
        }
        BytesVector vector = new BytesVector(count, 0);
        vector.appendCodes(entries, rowCodes, count);
        return vector;
    }

    /**
     * A vector of {@code count} one-byte values without NULLs on the shared offsets, keeping the dictionary; its bytes
     * are {@code values}, or written when first read when null ({@link #bytes}).
     */
    private static BytesVector oneByteRows(BytesVector entries, int[] rowCodes, int count, byte[] values,
                                           VectorBuffers buffers) {
        BytesVector vector = new BytesVector(buffers.clearFlags(count), values, ONE_BYTE_OFFSETS);
        vector.positionCount = count;
        vector.dictionary = new DictionaryView(entries, rowCodes);
        return vector;
    }

    /** The one-byte entries {@code source[code]} of {@code rowCodes[0, count)}; null at the first NULL (negative) code. */
    private static byte[] singleBytes(byte[] source, int[] rowCodes, int count, VectorBuffers buffers) {
        byte[] values = buffers.bytes(count);
        for (int i = 0; i < count; i++) {
            int code = rowCodes[i];
            if (code < 0) {
                return null;
            }
            values[i] = source[code];
        }
        return values;
    }

    /**
     * The values' bytes, written first if this vector has not done so yet ({@link #fromCodesWithoutNulls}). Every
     * read of the data array goes through here; a vector being appended to has them already ({@link #ensureCapacity}).
     */
    private byte[] bytes() {
        byte[] bytes = (byte[]) DATA.getAcquire(this);
        return bytes != null ? bytes : writeDeferredBytes();
    }

    /**
     * Writes the values of the codes kept in {@link #dictionary} (never NULL: see {@link #fromCodesWithoutNulls}): one
     * byte each on the shared offsets, or the entries' bytes and offsets of their own, the offsets published first.
     */
    private synchronized byte[] writeDeferredBytes() {
        byte[] bytes = data;
        if (bytes == null) {
            // New memory, not a batch arena's: the thread writing them need not be the one that built the vector.
            if (offsets == ONE_BYTE_OFFSETS) {
                bytes = singleBytes(dictionary.entries().bytes(), dictionary.codes(), positionCount, VectorBuffers.NEW);
            } else {
                int[] ends = new int[positionCount + 1];
                bytes = entryBytes(dictionary.entries(), dictionary.codes(), positionCount, ends);
                OFFSETS.setRelease(this, ends);
            }
            DATA.setRelease(this, bytes);
        }
        return bytes;
    }

    /** The bytes of {@code entries} that {@code codes[0, count)} name, one after another, each value's end in {@code ends}. */
    private static byte[] entryBytes(BytesVector entries, int[] codes, int count, int[] ends) {
        int[] entryOffsets = entries.offsets;
        byte[] bytes = new byte[Math.max(checkedSize(entriesLength(entryOffsets, codes, count)), 16)];
        byte[] source = entries.bytes();
        int at = 0;
        for (int i = 0; i < count; i++) {
            int start = entryOffsets[codes[i]];
            at = copy(source, start, entryOffsets[codes[i] + 1] - start, bytes, at);
            ends[i + 1] = at;
        }
        return bytes;
    }

    /** The bytes the entries that {@code codes[0, count)} name take together (a negative code, NULL, none). */
    private static long entriesLength(int[] entryOffsets, int[] codes, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            int code = codes[i];
            total += code < 0 ? 0 : entryOffsets[code + 1] - entryOffsets[code];
        }
        return total;
    }

    /** {@link #offsets}, written first if this vector defers its values ({@link #fromCodesWithoutNulls}). */
    private int[] offsetArray() {
        int[] ends = (int[]) OFFSETS.getAcquire(this);
        if (ends != null) {
            return ends;
        }
        bytes();
        return offsets;
    }

    /**
     * A vector of this one's value at {@code position} alone (NULL when it is), without writing the other positions'
     * bytes of a vector that has not yet ({@link #fromCodesWithoutNulls}): a group table asks for a new key by it.
     */
    public BytesVector valueAt(int position) {
        BytesVector value = new BytesVector(1, 0);
        if (isNull(position)) {
            value.appendNull();
        } else if (data == null && dictionary != null) {
            int code = dictionary.codes()[position];
            BytesVector entries = dictionary.entries();
            value.append(entries.bytes(), entries.offsets[code], entries.length(code));
        } else {
            value.append(bytes(), offset(position), length(position));
        }
        return value;
    }

    private static int[] countingFromZero(int length) {
        int[] values = new int[length];
        for (int i = 0; i < length; i++) {
            values[i] = i;
        }
        return values;
    }

    @Override
    public PhysicalKind kind() {
        return PhysicalKind.BYTES;
    }

    public byte[] data() {
        return bytes();
    }

    public int[] offsets() {
        return offsetArray();
    }

    /**
     * Bytes of offsets this vector holds for itself, for memory accounting: none while it reads the shared
     * {@link #ONE_BYTE_OFFSETS} (65,537 ints that no vector owns).
     */
    public long offsetBytes() {
        int[] ends = (int[]) OFFSETS.getAcquire(this);
        if (ends == null) {
            return 4L * (positionCount + 1); // what the deferred values' offsets will take
        }
        return ends == ONE_BYTE_OFFSETS ? 0 : 4L * ends.length;
    }

    /** Whether this vector's values are not written yet ({@link #fromCodesWithoutNulls}). */
    public boolean defersBytes() {
        return DATA.getAcquire(this) == null;
    }

    /**
     * Bytes of the data array, for memory accounting, without writing a deferred vector's values
     * ({@link #fromCodesWithoutNulls}): those count as the bytes they will take (one each, or their entries' lengths).
     */
    public long dataBytes() {
        byte[] bytes = (byte[]) DATA.getAcquire(this);
        if (bytes != null) {
            return bytes.length;
        }
        return offsets == ONE_BYTE_OFFSETS ? positionCount
                : entriesLength(dictionary.entries().offsets, dictionary.codes(), positionCount);
    }

    public int offset(int position) {
        return offsetArray()[position];
    }

    public int length(int position) {
        int[] ends = offsetArray();
        return ends[position + 1] - ends[position];
    }

    /** Total bytes held by all values. */
    public int dataSize() {
        return offsetArray()[positionCount];
    }

    public byte[] getBytes(int position) {
        byte[] bytes = bytes();
        int[] ends = offsetArray();
        return Arrays.copyOfRange(bytes, ends[position], ends[position + 1]);
    }

    public String getString(int position) {
        return new String(bytes(), offset(position), length(position), StandardCharsets.UTF_8);
    }

    public void append(byte[] source, int offset, int length) {
        ensureCapacity(positionCount + 1);
        int start = offsets[positionCount];
        ensureDataCapacity(start + length);
        System.arraycopy(source, offset, bytes(), start, length);
        nulls[positionCount] = false;
        offsets[positionCount + 1] = start + length;
        positionCount++;
    }

    /**
     * Appends {@code rowCount} values in one pass: row {@code r} is null when {@code rowNulls} (may be null)
     * says so, and otherwise the next slice {@code source[starts[j], starts[j] + lengths[j])}. Capacity is
     * checked once, not per value: decoding a block of 65,536 short strings value by value cost more than
     * the decoding itself.
     */
    public void appendSlices(byte[] source, int[] starts, int[] lengths, boolean[] rowNulls, int rowCount) {
        ensureCapacity(positionCount + rowCount);
        long total = 0;
        int values = rowCount - (rowNulls == null ? 0 : countTrue(rowNulls, rowCount));
        for (int j = 0; j < values; j++) {
            total += lengths[j];
        }
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize(at + total));
        int j = 0;
        for (int r = 0; r < rowCount; r++) {
            int position = positionCount + r;
            if (rowNulls != null && rowNulls[r]) {
                nulls[position] = true;
                mayHaveNulls = true;
            } else {
                nulls[position] = false;
                at = copy(source, starts[j], lengths[j], at);
                j++;
            }
            offsets[position + 1] = at;
        }
        positionCount += rowCount;
    }

    /**
     * Appends, for {@code i < count}, the value {@code source[starts[r], starts[r] + lengths[r])} of slice
     * {@code r = offset + positions[i]} ({@code offset + i} when {@code positions} is null); none is NULL.
     */
    public void appendSlices(byte[] source, int[] starts, int[] lengths, int offset, int[] positions, int count) {
        ensureCapacity(positionCount + count);
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += lengths[offset + (positions == null ? i : positions[i])];
        }
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize(at + total));
        for (int i = 0; i < count; i++) {
            int slice = offset + (positions == null ? i : positions[i]);
            nulls[positionCount + i] = false;
            at = copy(source, starts[slice], lengths[slice], at);
            offsets[positionCount + i + 1] = at;
        }
        positionCount += count;
    }

    /** Appends {@code source}'s values at {@code positions[0, count)}, in that order, in one pass. */
    public void appendSelected(BytesVector source, int[] positions, int count) {
        ensureCapacity(positionCount + count);
        int[] sourceOffsets = source.offsetArray();
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += sourceOffsets[positions[i] + 1] - sourceOffsets[positions[i]];
        }
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize(at + total));
        boolean sourceNulls = source.mayHaveNulls;
        byte[] sourceBytes = source.bytes();
        for (int i = 0; i < count; i++) {
            int from = positions[i];
            int position = positionCount + i;
            boolean isNull = sourceNulls && source.nulls[from];
            nulls[position] = isNull;
            mayHaveNulls |= isNull;
            at = copy(sourceBytes, sourceOffsets[from], sourceOffsets[from + 1] - sourceOffsets[from], at);
            offsets[position + 1] = at;
        }
        positionCount += count;
    }

    /** Appends {@code source}'s positions {@code [from, from + count)} with one bulk copy per array. */
    public void appendRange(BytesVector source, int from, int count) {
        ensureCapacity(positionCount + count);
        int[] sourceOffsets = source.offsetArray();
        int sourceStart = sourceOffsets[from];
        int bytes = sourceOffsets[from + count] - sourceStart;
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize((long) at + bytes));
        System.arraycopy(source.bytes(), sourceStart, bytes(), at, bytes);
        int shift = at - sourceStart;
        for (int i = 1; i <= count; i++) {
            offsets[positionCount + i] = sourceOffsets[from + i] + shift;
        }
        if (source.mayHaveNulls) {
            System.arraycopy(source.nulls, from, nulls, positionCount, count);
            for (int i = 0; i < count && !mayHaveNulls; i++) {
                mayHaveNulls = source.nulls[from + i];
            }
        } else {
            Arrays.fill(nulls, positionCount, positionCount + count, false);
        }
        positionCount += count;
    }

    /**
     * Appends the entries of {@code entries} that rows {@code offset + positions[i]} (or {@code offset + i} when
     * {@code positions} is null) hold by {@code codes}, a negative code being NULL: a dictionary block's rows
     * without decoding the others.
     */
    public void appendFromDictionary(BytesVector entries, int[] codes, int offset, int[] positions, int count) {
        int[] rowCodes = new int[count];
        for (int i = 0; i < count; i++) {
            rowCodes[i] = codes[offset + (positions == null ? i : positions[i])];
        }
        appendCodes(entries, rowCodes, count);
    }

    /**
     * Appends the entries of {@code entries} that {@code rowCodes[0, count)} name, a negative code being NULL. The
     * vector takes {@code rowCodes} over: into an empty vector, it becomes the codes of {@link #dictionary()}.
     */
    public void appendCodes(BytesVector entries, int[] rowCodes, int count) {
        boolean whole = positionCount == 0;
        ensureCapacity(positionCount + count);
        if (singleByteEntries(entries, count)) {
            appendSingleBytes(entries, rowCodes, count);
        } else {
            appendEntries(entries, rowCodes, count);
        }
        positionCount += count;
        if (whole) {
            dictionary = new DictionaryView(entries, rowCodes);
        }
    }

    /** Whether every entry is one byte long (CHAR(1) flags), checked only when there are fewer entries than rows. */
    private static boolean singleByteEntries(BytesVector entries, int rows) {
        int entryCount = entries.positionCount;
        if (entryCount > rows || entries.offsets[entryCount] != entryCount) {
            return false;
        }
        for (int e = 0; e < entryCount; e++) {
            if (entries.offsets[e] != e) {
                return false;
            }
        }
        return true;
    }

    private void appendSingleBytes(BytesVector entries, int[] rowCodes, int count) {
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize((long) at + count));
        byte[] source = entries.bytes();
        byte[] target = data;
        for (int i = 0; i < count; i++) {
            int code = rowCodes[i];
            int position = positionCount + i;
            if (code < 0) {
                nulls[position] = true;
                mayHaveNulls = true;
            } else {
                nulls[position] = false;
                target[at++] = source[code];
            }
            offsets[position + 1] = at;
        }
    }

    private void appendEntries(BytesVector entries, int[] rowCodes, int count) {
        int[] entryOffsets = entries.offsets;
        long total = entriesLength(entryOffsets, rowCodes, count);
        int at = offsets[positionCount];
        ensureDataCapacity(checkedSize(at + total));
        byte[] entryBytes = entries.bytes();
        for (int i = 0; i < count; i++) {
            int code = rowCodes[i];
            int position = positionCount + i;
            if (code < 0) {
                nulls[position] = true;
                mayHaveNulls = true;
            } else {
                nulls[position] = false;
                at = copy(entryBytes, entryOffsets[code], entryOffsets[code + 1] - entryOffsets[code], at);
            }
            offsets[position + 1] = at;
        }
    }

    /**
     * The dictionary this vector's values were all gathered from, with a code per position (-1 for NULL), or null
     * when they were not (or the vector changed since).
     */
    public DictionaryView dictionary() {
        return dictionary;
    }

    /**
     * Copies one value to {@code data[at, ...)} (of a vector being appended to, which has its bytes); returns its end.
     * Short values skip System.arraycopy's set-up.
     */
    private int copy(byte[] source, int start, int length, int at) {
        return copy(source, start, length, data, at);
    }

    private static int copy(byte[] source, int start, int length, byte[] target, int at) {
        if (length <= 8) {
            for (int b = 0; b < length; b++) {
                target[at + b] = source[start + b];
            }
        } else {
            System.arraycopy(source, start, target, at, length);
        }
        return at + length;
    }

    private static int countTrue(boolean[] flags, int count) {
        int result = 0;
        for (int i = 0; i < count; i++) {
            result += flags[i] ? 1 : 0;
        }
        return result;
    }

    private static int checkedSize(long bytes) {
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("column vector cannot hold " + bytes + " bytes");
        }
        return (int) bytes;
    }

    public void append(byte[] value) {
        append(value, 0, value.length);
    }

    public void append(String value) {
        append(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void appendNull() {
        ensureCapacity(positionCount + 1);
        offsets[positionCount + 1] = offsets[positionCount];
        super.appendNull();
    }

    @Override
    public void appendFrom(ColumnVector source, int position) {
        BytesVector other = (BytesVector) source;
        if (other.isNull(position)) {
            appendNull();
        } else {
            append(other.bytes(), other.offset(position), other.length(position));
        }
    }

    @Override
    public void setPositionCount(int count) {
        throw new UnsupportedOperationException("BytesVector is filled by appending");
    }

    @Override
    public void reset() {
        if (data == null) {
            data = new byte[16]; // the deferred values are dropped unwritten
        }
        super.reset();
        if (offsets == ONE_BYTE_OFFSETS || offsets == null) {
            offsets = new int[nulls.length + 1];
        }
        offsets[0] = 0;
        dictionary = null;
    }

    @Override
    public void ensureCapacity(int capacity) {
        bytes(); // deferred values are written while the codes are still known
        dictionary = null;
        super.ensureCapacity(capacity);
        if (capacity + 1 > offsets.length || offsets == ONE_BYTE_OFFSETS) {
            offsets = Arrays.copyOf(offsets, nulls.length + 1);
        }
    }

    public void ensureDataCapacity(int bytes) {
        byte[] current = bytes();
        if (bytes > current.length) {
            data = Arrays.copyOf(current, grownCapacity(current.length, bytes));
        }
    }
}
