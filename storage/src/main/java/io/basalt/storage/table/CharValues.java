package io.basalt.storage.table;

import io.basalt.storage.catalog.TableDefinition;
import io.basalt.storage.type.TypeKind;
import io.basalt.storage.vector.BytesVector;
import io.basalt.storage.vector.ColumnBatch;
import io.basalt.storage.vector.ColumnVector;
import io.basalt.storage.vector.TrailingBlanks;

import java.util.ArrayList;
import java.util.List;

/**
 * CHAR(n) values are stored without trailing blanks. In SQL, trailing blanks of CHAR values do not count
 * ({@code 'ab '} equals {@code 'ab'}, its length is 2); PostgreSQL pads on storage and ignores the padding
 * everywhere else, Basalt stores the value without it, so comparisons, lengths and concatenation need no special
 * case. It also means blanks never make a value too long for its column, as PostgreSQL allows.
 */
final class CharValues {

    private CharValues() {
    }

    /** The batch with the trailing blanks of its CHAR columns' values removed; the batch itself when none has any. */
    static ColumnBatch withoutTrailingBlanks(TableDefinition table, ColumnBatch batch) {
        List<ColumnVector> columns = new ArrayList<>(batch.columns());
        boolean changed = false;
        for (int c = 0; c < batch.columnCount() && c < table.columns().size(); c++) {
            if (table.columns().get(c).type().kind() == TypeKind.CHAR && batch.column(c) instanceof BytesVector values) {
                BytesVector stored = TrailingBlanks.removed(values);
                changed |= stored != values;
                columns.set(c, stored);
            }
        }
        return changed ? new ColumnBatch(batch.rowCount(), columns) : batch;
    }
}
