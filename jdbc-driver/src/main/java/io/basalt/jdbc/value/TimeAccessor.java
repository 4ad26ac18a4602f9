package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.TemporalValues;

import java.sql.SQLException;
import java.time.LocalTime;

/** TIME columns: microseconds since midnight; getObject gives {@link java.sql.Time}. */
final class TimeAccessor extends ColumnAccessor {

    private LongColumn column;

    TimeAccessor(ColumnDescriptor descriptor, int columnNumber) {
        super(descriptor, columnNumber);
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
        return getLocalTime(row);
    }

    @Override
    public Object object(int row) {
        return LegacyDateTimes.toSqlTime(getLocalTime(row), null);
    }

    @Override
    public LocalTime getLocalTime(int row) {
        return TemporalValues.time(column.get(row));
    }
}
