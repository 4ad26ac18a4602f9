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

    /** A new vector holding {@code source}'s values at {@code positions[0..count)}, in that order. */
    public static ColumnVector select(ColumnVector source, int[] positions, int count) {
        ColumnVector target;
        if (source instanceof LongVector longs) {
                LongVector out = new LongVector(count);
                long[] from = longs.values();
                long[] to = out.values();
                for (int i = 0; i < count; i++) {
                    to[i] = from[positions[i]];
                }
                out.setPositionCount(count);
                target = out;
        } else if (source instanceof DoubleVector doubles) {
                DoubleVector out = new DoubleVector(count);
                double[] from = doubles.values();
                double[] to = out.values();
                for (int i = 0; i < count; i++) {
                    to[i] = from[positions[i]];
                }
                out.setPositionCount(count);
                target = out;
        } else if (source instanceof BooleanVector booleans) {
                BooleanVector out = new BooleanVector(count);
                boolean[] from = booleans.values();
                boolean[] to = out.values();
                for (int i = 0; i < count; i++) {
                    to[i] = from[positions[i]];
                }
                out.setPositionCount(count);
                target = out;
        } else if (source instanceof Int128Vector wide) {
                Int128Vector out = new Int128Vector(count);
                for (int i = 0; i < count; i++) {
                    out.set(i, wide.high()[positions[i]], wide.low()[positions[i]]);
                }
                out.setPositionCount(count);
                target = out;
        } else {
                BytesVector out = new BytesVector(count, 0);
                out.appendSelected((BytesVector) source, positions, count);
                target = out;
        }
        if (source.mayHaveNulls() && !(source instanceof BytesVector)) {
            boolean[] nulls = source.nulls();
            for (int i = 0; i < count; i++) {
                if (nulls[positions[i]]) {
                    target.setNull(i, true);
                }
            }
        }
        return target;
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
            boolean[] nulls = source.nulls();
            for (int i = 0; i < count; i++) {
                if (nulls[from + i]) {
                    target.setNull(at + i, true);
                }
            }
        }
    }

    private static void appendBytes(BytesVector target, BytesVector source, int from, int count) {
        target.appendRange(source, from, count);
    }
}
