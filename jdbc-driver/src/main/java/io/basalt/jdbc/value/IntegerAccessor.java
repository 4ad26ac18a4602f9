package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BasaltType;
import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.LongColumn;

import java.math.BigDecimal;
import java.sql.SQLException;

/** TINYINT, SMALLINT, INTEGER and BIGINT columns; getObject gives Integer for the first three (JDBC table B-3). */
final class IntegerAccessor extends ColumnAccessor {

    private final boolean bigint;
    private LongColumn column;

    IntegerAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
        this.bigint = descriptor.type() == BasaltType.BIGINT;
    }

    @Override
    public void bind(BatchColumn batchColumn) throws SQLException {
        column = expect(batchColumn, LongColumn.class);
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
    public Object object(int row) {
        long value = column.get(row);
        return bigint ? (Object) value : (Object) (int) value;
    }

    @Override
    public long getLong(int row) {
        return column.get(row);
    }

    @Override
    public double getDouble(int row) {
        return column.get(row);
    }

    @Override
    public BigDecimal getBigDecimal(int row) {
        return BigDecimal.valueOf(column.get(row));
    }

    @Override
    public String getString(int row) {
        return Long.toString(column.get(row));
    }
}
