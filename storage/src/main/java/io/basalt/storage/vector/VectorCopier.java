package io.basalt.storage.vector;

/**
 * Copies chosen positions of a vector into a new one: a contiguous range (splitting a batch at a segment
 * boundary) or a selection (dropping deleted rows). One typed loop per kind, no per-value dispatch.
 */
public final class VectorCopier {

    private VectorCopier() {
    }

    public static ColumnVector slice(ColumnVector source, int from, int length) {
        int[] positions = new int[length];
        for (int i = 0; i < length; i++) {
            positions[i] = from + i;
        }
        return select(source, positions, length);
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
                BytesVector bytes = (BytesVector) source;
                int total = 0;
                for (int i = 0; i < count; i++) {
                    total += bytes.length(positions[i]);
                }
                BytesVector out = new BytesVector(count, total);
                for (int i = 0; i < count; i++) {
                    int position = positions[i];
                    if (bytes.isNull(position)) {
                        out.appendNull();
                    } else {
                        out.append(bytes.data(), bytes.offset(position), bytes.length(position));
                    }
                }
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
}
