package io.basalt.execution.aggregate;

import io.basalt.execution.memory.MemoryReservation;
import io.basalt.execution.plan.SortKey;
import io.basalt.storage.type.PhysicalKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnVector;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * STRING_AGG(value, separator) and LISTAGG: the group's non-NULL values in the call's order, each but the first
 * preceded by its own row's separator (as PostgreSQL: a NULL separator adds nothing; a LISTAGG without one uses a
 * comma, as Calcite and DuckDB do). NULL for a group without values. Stored columns: value, separator if any, then
 * the ORDER BY columns.
 */
final class StringAggAccumulator extends CollectingAccumulator {

    /** Calcite's and DuckDB's separator when a LISTAGG has none. */
    private static final byte[] DEFAULT_SEPARATOR = {','};

    private final boolean hasSeparator;

    /** @param hasSeparator whether the second stored column is the separator (else the default one applies) */
    StringAggAccumulator(List<PhysicalKind> kinds, boolean hasSeparator, List<SortKey> order, MemoryReservation memory) {
        super(kinds, order, memory);
        this.hasSeparator = hasSeparator;
    }

    @Override
    protected PhysicalKind resultKind() {
        return PhysicalKind.BYTES;
    }

    @Override
    protected void appendResult(ColumnVector[] columns, int[] rows, int count, ColumnVector output) {
        if (count == 0) {
            output.appendNull();
            return;
        }
        BytesVector values = (BytesVector) columns[0];
        BytesVector separators = hasSeparator ? (BytesVector) columns[1] : null;
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (i > 0 && separators == null) {
                text.write(DEFAULT_SEPARATOR, 0, DEFAULT_SEPARATOR.length);
            } else if (i > 0 && !separators.isNull(row)) {
                text.write(separators.data(), separators.offset(row), separators.length(row));
            }
            text.write(values.data(), values.offset(row), values.length(row));
        }
        ((BytesVector) output).append(text.toByteArray());
    }
}
