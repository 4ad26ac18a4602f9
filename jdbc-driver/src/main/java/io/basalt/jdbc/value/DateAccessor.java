package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.LongColumn;
import io.basalt.jdbc.spi.TemporalValues;

import java.sql.SQLException;
import java.time.LocalDate;

/** DATE columns: days since 1970-01-01; getObject gives {@link java.sql.Date}. */
final class DateAccessor extends ColumnAccessor {

    private LongColumn column;

    DateAccessor(ColumnDescriptor descriptor, int columnNumber) {
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
        return getLocalDate(row);
    }

    @Override
    public Object object(int row) {
        return LegacyDateTimes.toSqlDate(getLocalDate(row), null);
    }

    @Override
    public LocalDate getLocalDate(int row) {
        return TemporalValues.date(column.get(row));
    }
}
