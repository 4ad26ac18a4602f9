package io.basalt.execution;

import io.basalt.execution.plan.PhysicalNode;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.Int128Vector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Results as plain Java rows (values in {@code Literal}'s representation), and orderings to compare them. */
public final class Results {

    private Results() {
    }

    /** Drains and closes the stream. */
    /**
     * The rows of {@code plan} run under {@code context}, checking that the query kept within its memory limit and
     * holds no memory once its rows are read.
     */
    static List<List<Object>> collectWithinLimit(PhysicalNode plan, ExecutionContext context) {
        QueryResultStream stream = (QueryResultStream) QueryExecutor.execute(plan, context);
        List<List<Object>> rows = collect(stream);
        assertThat(stream.memoryInUse()).isZero();
        assertThat(stream.budget().peakBytes()).isLessThanOrEqualTo(context.memoryLimitBytes());
        return rows;
    }

    static List<List<Object>> collect(ResultStream stream) {
        List<List<Object>> rows = new ArrayList<>();
        try (stream) {
            ColumnBatch batch;
            while ((batch = stream.next()) != null) {
                rows.addAll(rows(batch));
            }
        }
        return rows;
    }

    public static List<List<Object>> rows(ColumnBatch batch) {
        List<List<Object>> rows = new ArrayList<>(batch.rowCount());
        for (int row = 0; row < batch.rowCount(); row++) {
            List<Object> values = new ArrayList<>(batch.columnCount());
            for (ColumnVector column : batch.columns()) {
                values.add(value(column, row));
            }
            rows.add(values);
        }
        return rows;
    }

    static Object value(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof LongVector longs) {
            return longs.get(row);
        }
        if (vector instanceof DoubleVector doubles) {
            return doubles.get(row);
        }
        if (vector instanceof BooleanVector booleans) {
            return booleans.get(row);
        }
        if (vector instanceof Int128Vector wide) {
            return wide.getBigInteger(row);
        }
        return ((BytesVector) vector).getString(row);
    }

    /** Rows in one canonical order, to compare results whose order SQL leaves open. */
    public static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(ROW_ORDER);
        return copy;
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return ((Comparable) a).compareTo(b);
    };

    static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int comparison = VALUE_ORDER.compare(a.get(i), b.get(i));
            if (comparison != 0) {
                return comparison;
            }
        }
        return Integer.compare(a.size(), b.size());
    };
}
