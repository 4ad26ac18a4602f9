package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.BooleanColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;

import java.sql.SQLException;

/** BOOLEAN columns. */
final class BooleanAccessor extends ColumnAccessor {

    private BooleanColumn column;

    BooleanAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
    }

    @Override
    public void bind(BatchColumn batchColumn) throws SQLException {
        column = expect(batchColumn, BooleanColumn.class);
    }

    @Override
    public boolean isNull(int row) {
        return column.isNull(row);
    }

    @Override
    public Object value(int row) {
        return column.get(row);
    }

    @Override
    public boolean getBoolean(int row) {
        return column.get(row);
    }

    @Override
    public long getLong(int row) {
        return column.get(row) ? 1 : 0;
    }
}
