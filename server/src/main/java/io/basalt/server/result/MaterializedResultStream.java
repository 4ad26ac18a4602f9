package io.basalt.server.result;

import io.basalt.execution.ResultStream;
import io.basalt.execution.plan.Column;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/**
 * A result computed up front (SHOW, DESCRIBE, INSERT … RETURNING), served through the same {@link ResultStream} as query
 * results so clients see no difference. Only text and BIGINT columns are needed for these.
 */
public final class MaterializedResultStream implements ResultStream {

    private final List<Column> columns;
    private List<ColumnBatch> batches;
    private int next;

    private MaterializedResultStream(List<Column> columns, List<ColumnBatch> batches) {
        this.columns = List.copyOf(columns);
        this.batches = List.copyOf(batches);
    }

    /** Batches a statement computed before answering (INSERT … RETURNING's rows), served in order. */
    public static MaterializedResultStream ofBatches(List<Column> columns, List<ColumnBatch> batches) {
        return new MaterializedResultStream(columns, batches);
    }

    /** Rows of Strings and Longs (or nulls), matching {@code columns}' types (TEXT or BIGINT). */
    public static MaterializedResultStream of(List<Column> columns, List<List<Object>> rows) {
        List<ColumnVector> vectors = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            LogicalType type = columns.get(c).type();
            ColumnVector vector = ColumnVector.create(type.physicalKind(), rows.size());
            for (List<Object> row : rows) {
                Object value = row.get(c);
                if (value == null) {
                    vector.appendNull();
                } else if (vector instanceof BytesVector text) {
                    text.append(value.toString());
                } else {
                    ((LongVector) vector).append(((Number) value).longValue());
                }
            }
            vectors.add(vector);
        }
        return new MaterializedResultStream(columns, List.of(new ColumnBatch(rows.size(), vectors)));
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public ColumnBatch next() {
        if (batches == null || next >= batches.size()) {
            return null;
        }
        return batches.get(next++);
    }

    @Override
    public void close() {
        batches = null;
    }
}
