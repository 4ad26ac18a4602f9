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
 * preceded by its own row's separator (as PostgreSQL: a NULL separator adds nothing). NULL for a group without
 * values. Stored columns: value, separator, then the ORDER BY columns.
 */
final class StringAggAccumulator extends CollectingAccumulator {

    StringAggAccumulator(List<PhysicalKind> kinds, List<SortKey> order, MemoryReservation memory) {
        super(kinds, order, memory);
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
        BytesVector separators = (BytesVector) columns[1];
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            int row = rows[i];
            if (i > 0 && !separators.isNull(row)) {
                text.write(separators.data(), separators.offset(row), separators.length(row));
            }
            text.write(values.data(), values.offset(row), values.length(row));
        }
        ((BytesVector) output).append(text.toByteArray());
    }
}
