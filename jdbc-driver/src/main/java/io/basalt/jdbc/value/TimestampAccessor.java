package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.TemporalValues;

import java.sql.SQLException;
import java.time.LocalDateTime;

/** TIMESTAMP columns: microseconds since 1970-01-01T00:00:00 without zone; getObject gives {@link java.sql.Timestamp}. */
final class TimestampAccessor extends ColumnAccessor {

    private LongColumn column;

    TimestampAccessor(ColumnDescriptor descriptor, int columnNumber) {
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
        return getLocalDateTime(row);
    }

    @Override
    public Object object(int row) {
        return LegacyDateTimes.toSqlTimestamp(getLocalDateTime(row), null);
    }

    @Override
    public LocalDateTime getLocalDateTime(int row) {
        return TemporalValues.timestamp(column.get(row));
    }
}
