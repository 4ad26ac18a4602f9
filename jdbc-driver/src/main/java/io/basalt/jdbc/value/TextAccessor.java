package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.TextColumn;

import java.sql.SQLException;

/** CHAR and VARCHAR columns; text is decoded from UTF-8 only when a row is read. */
final class TextAccessor extends ColumnAccessor {

    private TextColumn column;

    TextAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
    }

    @Override
    public void bind(BatchColumn batchColumn) throws SQLException {
        column = expect(batchColumn, TextColumn.class);
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
    public String getString(int row) {
        return column.get(row);
    }
}
