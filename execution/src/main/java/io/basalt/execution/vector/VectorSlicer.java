package io.basalt.execution.vector;

import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Contiguous runs of a vector or batch as new vectors, copied with bulk array copies (storage's
 * {@code VectorCopier.slice} goes through a position list, which costs a second pass).
 */
public final class VectorSlicer {

    private VectorSlicer() {
    }

    public static ColumnVector slice(ColumnVector source, int from, int count) {
        if (from == 0 && count == source.positionCount()) {
            return source;
        }
        ColumnVector target = source instanceof BytesVector bytes
                ? new BytesVector(count, bytes.offset(from + count) - bytes.offset(from))
                : ColumnVector.create(source.kind(), count);
        VectorAppender.append(target, source, from, count);
        return target;
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
