package io.basalt.execution.vector;

import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

/** Vectors holding only NULLs: the missing side of an outer join's unmatched rows. */
public final class NullVectors {

    private NullVectors() {
    }

    public static ColumnVector of(PhysicalKind kind, int count) {
        if (kind == PhysicalKind.BYTES) {
            BytesVector vector = new BytesVector(count, 0);
            for (int i = 0; i < count; i++) {
                vector.appendNull();
            }
            return vector;
        }
        ColumnVector vector = ColumnVector.create(kind, count);
        vector.setPositionCount(count);
        for (int i = 0; i < count; i++) {
            vector.setNull(i, true);
        }
        return vector;
    }
}
