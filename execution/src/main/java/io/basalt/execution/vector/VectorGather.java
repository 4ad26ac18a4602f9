package io.basalt.execution.vector;

import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/**
 * Gathers values from several vectors of one kind into a new vector: position {@code i} of the result is
 * {@code sources[sourceIds[i]]} at {@code positions[i]}. The merge of sorted runs builds its output this way.
 */
public final class VectorGather {

    private VectorGather() {
    }

    public static ColumnVector gather(ColumnVector[] sources, int[] sourceIds, int[] positions, int count) {
        ColumnVector first = sources[0];
        if (first instanceof BytesVector) {
            int bytes = 0;
            for (int i = 0; i < count; i++) {
                bytes += ((BytesVector) sources[sourceIds[i]]).length(positions[i]);
            }
            BytesVector out = new BytesVector(count, bytes);
            for (int i = 0; i < count; i++) {
                out.appendFrom(sources[sourceIds[i]], positions[i]);
            }
            return out;
        }
        ColumnVector out = ColumnVector.create(first.kind(), count);
        out.setPositionCount(count);
        if (first instanceof LongVector) {
            long[] target = ((LongVector) out).values();
            for (int i = 0; i < count; i++) {
                target[i] = ((LongVector) sources[sourceIds[i]]).values()[positions[i]];
            }
        } else if (first instanceof DoubleVector) {
            double[] target = ((DoubleVector) out).values();
            for (int i = 0; i < count; i++) {
                target[i] = ((DoubleVector) sources[sourceIds[i]]).values()[positions[i]];
            }
        } else if (first instanceof BooleanVector) {
            boolean[] target = ((BooleanVector) out).values();
            for (int i = 0; i < count; i++) {
                target[i] = ((BooleanVector) sources[sourceIds[i]]).values()[positions[i]];
            }
        } else {
            Int128Vector target = (Int128Vector) out;
            for (int i = 0; i < count; i++) {
                Int128Vector source = (Int128Vector) sources[sourceIds[i]];
                target.set(i, source.high()[positions[i]], source.low()[positions[i]]);
            }
        }
        for (int i = 0; i < count; i++) {
            if (sources[sourceIds[i]].isNull(positions[i])) {
                out.setNull(i, true);
            }
        }
        return out;
    }
}
