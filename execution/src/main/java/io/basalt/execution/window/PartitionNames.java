package io.basalt.execution.window;

import io.basalt.execution.plan.Column;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.LongVector;

import java.util.List;

/**
 * Names a window partition in an error message by its PARTITION BY values: text and integers as they are, values of
 * other types by their type (their text form is the expression layer's business, and a message does not need it).
 */
final class PartitionNames {

    /** Characters of a text value shown before it is cut short. */
    private static final int MAX_TEXT = 40;

    private final int[] keys;
    private final List<Column> columns;

    PartitionNames(int[] keys, List<Column> columns) {
        this.keys = keys.clone();
        this.columns = List.copyOf(columns);
    }

    /** The partition of row {@code row} of {@code vectors} (the window input's columns), e.g. {@code (region = 'EU')}. */
    String describe(List<ColumnVector> vectors, int row) {
        if (keys.length == 0) {
            return "(all rows: the window has no PARTITION BY)";
        }
        StringBuilder text = new StringBuilder("(");
        for (int k = 0; k < keys.length; k++) {
            Column column = columns.get(keys[k]);
            text.append(k == 0 ? "" : ", ").append(column.name()).append(" = ")
                    .append(value(vectors.get(keys[k]), row, column));
        }
        return text.append(')').toString();
    }

    private static String value(ColumnVector vector, int row, Column column) {
        if (vector.isNull(row)) {
            return "NULL";
        }
        TypeKind kind = column.type().kind();
        if (vector instanceof BytesVector bytes && (kind == TypeKind.VARCHAR || kind == TypeKind.CHAR)) {
            String value = bytes.getString(row);
            return "'" + (value.length() > MAX_TEXT ? value.substring(0, MAX_TEXT) + "…" : value) + "'";
        }
        if (vector instanceof LongVector longs && (kind == TypeKind.BIGINT || kind == TypeKind.INTEGER
                || kind == TypeKind.SMALLINT || kind == TypeKind.TINYINT)) {
            return Long.toString(longs.get(row));
        }
        return "a " + column.type() + " value";
    }
}
