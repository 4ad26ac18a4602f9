package io.basalt.server.write;

import io.basalt.execution.expression.Call;
import io.basalt.execution.expression.ConstantEvaluation;
import io.basalt.execution.expression.Function;
import io.basalt.execution.expression.Literal;
import io.basalt.storage.type.LogicalType;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.ColumnBatch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a key (a PRIMARY KEY, UNIQUE or FOREIGN KEY constraint) and how to read a key from a batch: as
 * values that are equal exactly when SQL says the keys are equal, whatever the column types of the two sides
 * (INTEGER 5 and BIGINT 5, DECIMAL 1.50 and 1.5, CHAR values without their trailing blanks, -0.0 and 0.0), and as
 * the text of PostgreSQL's error details.
 *
 * @param types the key columns' types, in key order
 */
record KeyColumns(List<LogicalType> types) {

    KeyColumns {
        types = List.copyOf(types);
    }

    /** A set for keys of these columns: longs for one or two integer-like columns, values otherwise. */
    KeySet newSet() {
        boolean longs = types.size() <= 2 && types.stream().allMatch(type -> type.physicalKind() == PhysicalKind.LONG);
        return longs ? new LongKeySet(types.size()) : new ValueKeySet(this::keyAt);
    }

    /**
     * Whether two sides' keys can share a {@link LongKeySet}: their physical longs mean the same values only when the
     * column types are the same (DECIMAL(10,2) keeps cents, DECIMAL(10,3) tenths of cents).
     */
    boolean sameTypes(KeyColumns other) {
        return types.equals(other.types);
    }

    /** The key at a row (its columns at {@code positions}) as a value: one value or a list; null when one is NULL. */
    Object keyAt(ColumnBatch batch, int[] positions, int row) {
        if (positions.length == 1) {
            return valueAt(batch, positions[0], 0, row);
        }
        List<Object> values = new ArrayList<>(positions.length);
        for (int i = 0; i < positions.length; i++) {
            Object value = valueAt(batch, positions[i], i, row);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    private Object valueAt(ColumnBatch batch, int position, int keyColumn, int row) {
        LogicalType type = types.get(keyColumn);
        Object value = Literal.at(batch.column(position), row, type).value();
        if (value instanceof String text && type.kind() == TypeKind.CHAR) {
            // Storage keeps CHAR values without trailing blanks, and they do not count in comparisons.
            return text.stripTrailing();
        }
        if (value instanceof Double number && number == 0.0) {
            return 0.0; // -0.0 = 0.0 in SQL
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
        }
        return value;
    }

    /** The key's values as PostgreSQL's details show them: {@code 1, x}, each as its text output. */
    String text(ColumnBatch batch, int[] positions, int row) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < positions.length; i++) {
            Literal literal = Literal.at(batch.column(positions[i]), row, types.get(i));
            texts.add((String) ConstantEvaluation.evaluate(Call.of(Function.CAST, LogicalType.TEXT, literal)).value());
        }
        return String.join(", ", texts);
    }
}
