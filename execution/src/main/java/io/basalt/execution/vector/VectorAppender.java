package io.basalt.execution.vector;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Appends a run of positions of one vector to another of the same kind with one bulk copy per array (the
 * caller has made room with {@code ensureCapacity}, so growth is accounted before it happens).
 */
public final class VectorAppender {

    private VectorAppender() {
    }

    public static void append(ColumnVector target, ColumnVector source, int from, int count) {
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
        target.ensureCapacity(target.positionCount() + count);
        target.ensureDataCapacity(target.dataSize() + source.offset(from + count) - source.offset(from));
        byte[] data = source.data();
        for (int i = from; i < from + count; i++) {
            if (source.isNull(i)) {
                target.appendNull();
            } else {
                target.append(data, source.offset(i), source.length(i));
            }
        }
    }
}
