package io.basalt.execution.vector;

import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.VectorCopier;

import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous runs of a vector or batch for the executor: the source itself when the run is all of it (the
 * executor never mutates vectors it passes on), else storage's bulk copy.
 */
public final class VectorSlicer {

    private VectorSlicer() {
    }

    public static ColumnVector slice(ColumnVector source, int from, int count) {
        if (from == 0 && count == source.positionCount()) {
            return source;
        }
        return VectorCopier.slice(source, from, count);
    }

    public static ColumnBatch slice(ColumnBatch batch, int from, int count) {
        if (from == 0 && count == batch.rowCount()) {
            return batch;
        }
        List<ColumnVector> columns = new ArrayList<>(batch.columnCount());
        for (ColumnVector column : batch.columns()) {
            columns.add(slice(column, from, count));
        }
        return new ColumnBatch(count, columns);
    }
}
