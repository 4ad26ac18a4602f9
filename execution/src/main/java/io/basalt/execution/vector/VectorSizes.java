package io.basalt.execution.vector;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

/** The heap bytes vectors retain, counted from their arrays' capacities, for memory accounting. */
public final class VectorSizes {

    private VectorSizes() {
    }

    /** Bytes one position costs in a vector of {@code kind}: the value slot(s) plus the null flag. */
    public static long bytesPerPosition(PhysicalKind kind) {
        return switch (kind) {
            case BOOLEAN -> 2;
            case LONG, DOUBLE -> 9;
            case INT128 -> 17;
            case BYTES -> 5; // offset and null flag; the string bytes are counted apart
        };
    }

    public static long bytes(ColumnVector vector) {
        long nulls = vector.nulls().length;
        if (vector instanceof LongVector longs) {
            return nulls + 8L * longs.values().length;
        }
        if (vector instanceof DoubleVector doubles) {
            return nulls + 8L * doubles.values().length;
        }
        if (vector instanceof BooleanVector booleans) {
            return nulls + booleans.values().length;
        }
        if (vector instanceof Int128Vector wide) {
            return nulls + 16L * wide.high().length;
        }
        BytesVector bytes = (BytesVector) vector;
        return nulls + bytes.offsetBytes() + bytes.dataBytes();
    }

    public static long bytes(ColumnBatch batch) {
        long total = 0;
        for (ColumnVector column : batch.columns()) {
            total += bytes(column);
        }
        return total;
    }
}
