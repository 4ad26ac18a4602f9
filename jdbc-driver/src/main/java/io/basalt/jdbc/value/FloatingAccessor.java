package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BasaltType;
import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.DoubleColumn;

import java.sql.SQLException;

/**
 * REAL, FLOAT and DOUBLE columns. A REAL is a float carried in a double, so its natural value and its text
 * are the float's ({@code 0.1}, not {@code 0.10000000149011612}).
 */
final class FloatingAccessor extends ColumnAccessor {

    private final boolean real;
    private DoubleColumn column;

    FloatingAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
        this.real = descriptor.type() == BasaltType.REAL;
    }

    @Override
    public void bind(BatchColumn batchColumn) throws SQLException {
        column = expect(batchColumn, DoubleColumn.class);
    }

    @Override
    public boolean isNull(int row) {
        return column.isNull(row);
    }

    @Override
    public Object value(int row) {
        double value = column.get(row);
        return real ? (Object) (float) value : (Object) value;
    }

    @Override
    public double getDouble(int row) {
        return column.get(row);
    }

    @Override
    public String getString(int row) {
        double value = column.get(row);
        return real ? Float.toString((float) value) : Double.toString(value);
    }
}
