package io.basalt.server;

import io.basalt.server.result.StatementResult;
import io.basalt.storage.vector.BooleanVector;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.DoubleVector;
import io.basalt.storage.vector.LongVector;

import java.util.ArrayList;
import java.util.List;

/** The rows of a statement's result as plain Java values, for assertions in server tests. */
public final class ResultRows {

    private ResultRows() {
    }

    /**
     * Every row, read to the end and closed: a value is a {@code Long} (integers, and DECIMALs as their unscaled
     * value), {@code Double}, {@code Boolean}, {@code String} or null.
     */
    public static List<List<Object>> values(StatementResult result) {
        List<List<Object>> rows = new ArrayList<>();
        try (var stream = ((StatementResult.Rows) result).rows()) {
            for (ColumnBatch batch = stream.next(); batch != null; batch = stream.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 0; c < batch.columnCount(); c++) {
                        row.add(value(batch.column(c), r));
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** {@link #values} with every value as text, and NULL as the text {@code NULL}. */
    public static List<List<String>> text(StatementResult result) {
        return values(result).stream()
                .map(row -> row.stream().map(value -> value == null ? "NULL" : String.valueOf(value)).toList())
                .toList();
    }

    private static Object value(ColumnVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof LongVector longs) {
            return longs.get(row);
        }
        if (vector instanceof BytesVector text) {
            return text.getString(row);
        }
        if (vector instanceof DoubleVector doubles) {
            return doubles.get(row);
        }
        if (vector instanceof BooleanVector booleans) {
            return booleans.get(row);
        }
        throw new IllegalArgumentException("no plain Java value for a " + vector.kind() + " vector");
    }
}
