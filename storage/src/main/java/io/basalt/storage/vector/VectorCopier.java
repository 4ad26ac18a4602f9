package io.basalt.storage.vector;

/**
 * Copies chosen positions of a vector: a contiguous range (splitting a batch at a segment boundary,
 * concatenating blocks) with bulk array copies, or a selection (dropping deleted rows) with one typed loop
 * per kind. No per-value dispatch.
 */
public final class VectorCopier {

    private VectorCopier() {
    }

    /** A new vector holding positions {@code [from, from + length)} of {@code source}, copied in bulk. */
    public static ColumnVector slice(ColumnVector source, int from, int length) {
        ColumnVector target = source instanceof BytesVector bytes
                ? new BytesVector(length, bytes.offset(from + length) - bytes.offset(from))
                : ColumnVector.create(source.kind(), length);
        appendRange(target, source, from, length);
        return target;
    }

    public static ColumnBatch slice(ColumnBatch batch, int from, int length) {
        ColumnVector[] columns = new ColumnVector[batch.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = slice(batch.column(c), from, length);
        }
        return new ColumnBatch(length, java.util.List.of(columns));
    }

    public static ColumnBatch select(ColumnBatch batch, int[] positions, int count) {
        ColumnVector[] columns = new ColumnVector[batch.columnCount()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = select(batch.column(c), positions, count);
        }
        return new ColumnBatch(count, java.util.List.of(columns));
    }

    /**
     * A new vector holding {@code source}'s values at {@code positions[0..count)}, in that order. Each kind's loop is a
     * method of its own: in one method, C2 compiled the loops of the kinds seen so far and compiled the whole method
     * again for each new kind a query brought (three times, 20 kB of machine code each, in the TPC-H sequence).
     */
    public static ColumnVector select(ColumnVector source, int[] positions, int count) {
        ColumnVector target;
        if (source instanceof LongVector longs) {
            target = selectLongs(longs, positions, count);
        } else if (source instanceof DoubleVector doubles) {
            target = selectDoubles(doubles, positions, count);
        } else if (source instanceof BooleanVector booleans) {
            target = selectBooleans(booleans, positions, count);
        } else if (source instanceof Int128Vector wide) {
            target = selectWide(wide, positions, count);
        } else {
            return selectBytes((BytesVector) source, positions, count);
        }
        if (source.mayHaveNulls()) {
            selectNulls(source.nulls(), positions, count, target);
        }
        return target;
    }

    /**
     * Text values at {@code positions[0..count)}. Values gathered from a block dictionary without NULLs stay codes: the
     * selected codes make a vector that keeps the dictionary and writes its values only when they are read
     * ({@link BytesVector#fromCodesWithoutNulls}), so a hash join's output column grouped by later is neither
     * written whole before the selection nor copied after it, and the group table still finds it by codes.
     */
    private static BytesVector selectBytes(BytesVector source, int[] positions, int count) {
        DictionaryView dictionary = source.dictionary();
        if (dictionary != null && !source.mayHaveNulls()) {
            int[] codes = dictionary.codes();
            int[] selected = new int[count];
            for (int i = 0; i < count; i++) {
                selected[i] = codes[positions[i]];
            }
            return BytesVector.fromCodesWithoutNulls(dictionary.entries(), selected, count, VectorBuffers.NEW);
        }
        BytesVector out = new BytesVector(count, 0);
        out.appendSelected(source, positions, count);
        return out;
    }

    private static LongVector selectLongs(LongVector source, int[] positions, int count) {
        LongVector out = new LongVector(count);
        long[] from = source.values();
        long[] to = out.values();
        for (int i = 0; i < count; i++) {
            to[i] = from[positions[i]];
        }
        out.setPositionCount(count);
        return out;
    }

    private static DoubleVector selectDoubles(DoubleVector source, int[] positions, int count) {
        DoubleVector out = new DoubleVector(count);
        double[] from = source.values();
        double[] to = out.values();
        for (int i = 0; i < count; i++) {
            to[i] = from[positions[i]];
        }
        out.setPositionCount(count);
        return out;
    }

    private static BooleanVector selectBooleans(BooleanVector source, int[] positions, int count) {
        BooleanVector out = new BooleanVector(count);
        boolean[] from = source.values();
        boolean[] to = out.values();
        for (int i = 0; i < count; i++) {
            to[i] = from[positions[i]];
        }
        out.setPositionCount(count);
        return out;
    }

    private static Int128Vector selectWide(Int128Vector source, int[] positions, int count) {
        Int128Vector out = new Int128Vector(count);
        long[] high = source.high();
        long[] low = source.low();
        for (int i = 0; i < count; i++) {
            out.set(i, high[positions[i]], low[positions[i]]);
        }
        out.setPositionCount(count);
        return out;
    }

    private static void selectNulls(boolean[] nulls, int[] positions, int count, ColumnVector target) {
        for (int i = 0; i < count; i++) {
            if (nulls[positions[i]]) {
                target.setNull(i, true);
            }
        }
    }

    /**
     * Appends positions {@code [from, from + count)} of {@code source} to {@code target}, of the same kind,
     * with one bulk copy per array.
     */
    public static void appendRange(ColumnVector target, ColumnVector source, int from, int count) {
        if (count == 0) {
            return;
        }
        if (target instanceof BytesVector bytes) {
            appendBytes(bytes, (BytesVector) source, from, count);
            return;
        }
        int at = target.positionCount();
        target.setPositionCount(at + count);
        if (target instanceof LongVector longs) {
            System.arraycopy(((LongVector) source).values(), from, longs.values(), at, count);
        } else if (target instanceof DoubleVector doubles) {
            System.arraycopy(((DoubleVector) source).values(), from, doubles.values(), at, count);
        } else if (target instanceof BooleanVector booleans) {
            System.arraycopy(((BooleanVector) source).values(), from, booleans.values(), at, count);
        } else {
            Int128Vector wide = (Int128Vector) target;
            System.arraycopy(((Int128Vector) source).high(), from, wide.high(), at, count);
            System.arraycopy(((Int128Vector) source).low(), from, wide.low(), at, count);
        }
        if (source.mayHaveNulls()) {
            copyNulls(source.nulls(), from, count, target, at);
        }
    }

    private static void copyNulls(boolean[] nulls, int from, int count, ColumnVector target, int at) {
        for (int i = 0; i < count; i++) {
            if (nulls[from + i]) {
                target.setNull(at + i, true);
            }
        }
    }

    private static void appendBytes(BytesVector target, BytesVector source, int from, int count) {
        target.appendRange(source, from, count);
    }
}
