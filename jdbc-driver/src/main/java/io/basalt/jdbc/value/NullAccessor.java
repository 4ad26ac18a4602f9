package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;

/**
 * Columns of type NULL ({@code SELECT NULL}). Every row is NULL whatever the batch carries, since the type
 * has no other value; so any representation is accepted.
 */
final class NullAccessor extends ColumnAccessor {

    NullAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
    }

    @Override
    public void bind(BatchColumn batchColumn) {
        // Nothing to read.
    }

    @Override
    public boolean isNull(int row) {
        return true;
    }

    @Override
    public Object value(int row) {
        throw new IllegalStateException("a NULL column has no values; callers check isNull first");
    }
}
