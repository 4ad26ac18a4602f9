package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.BatchColumn;
import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Reads one result column out of the current batch. The result set binds the batch's column
 * ({@link #bind}) and asks for row values; each subclass knows its SQL type's encoding and returns the
 * column's natural Java value ({@link #value}), and overrides the getters that can skip boxing. Every other
 * getter converts the natural value with {@link ValueConverter}. Callers check {@link #isNull} first.
 */
public abstract class ColumnAccessor {

    protected final ColumnDescriptor descriptor;
    private final int columnNumber;

    protected ColumnAccessor(ColumnDescriptor descriptor, int columnNumber) {
        this.descriptor = descriptor;
        this.columnNumber = columnNumber;
    }

    public final ColumnDescriptor descriptor() {
        return descriptor;
    }

    /** Points the accessor at {@code column} of a new batch, checking it has the representation of the type. */
    public abstract void bind(BatchColumn column) throws SQLException;

    public abstract boolean isNull(int row);

    /** The value in its natural Java class: Boolean, Long, Float, Double, BigDecimal, String, LocalDate, LocalTime, LocalDateTime. */
    public abstract Object value(int row);

    /** The value in the class JDBC's {@code getObject} returns for the type (e.g. Integer, java.sql.Date). */
    public Object object(int row) {
        return value(row);
    }

    public boolean getBoolean(int row) throws SQLException {
        return ValueConverter.toBoolean(value(row), this);
    }

    public long getLong(int row) throws SQLException {
        return ValueConverter.toLong(value(row), this);
    }

    public double getDouble(int row) throws SQLException {
        return ValueConverter.toDouble(value(row), this);
    }

    public BigDecimal getBigDecimal(int row) throws SQLException {
        return ValueConverter.toBigDecimal(value(row), this);
    }

    public String getString(int row) {
        return ValueConverter.toText(value(row));
    }

    public LocalDate getLocalDate(int row) throws SQLException {
        return ValueConverter.toLocalDate(value(row), this);
    }

    public LocalTime getLocalTime(int row) throws SQLException {
        return ValueConverter.toLocalTime(value(row), this);
    }

    public LocalDateTime getLocalDateTime(int row) throws SQLException {
        return ValueConverter.toLocalDateTime(value(row), this);
    }

    /** The column's casting of {@code column}, or a protocol error naming what was expected. */
    protected final <T extends BatchColumn> T expect(BatchColumn column, Class<T> representation) throws SQLException {
        if (!representation.isInstance(column)) {
            throw wrongRepresentation(column, representation.getSimpleName());
        }
        return representation.cast(column);
    }

    protected final SQLException wrongRepresentation(BatchColumn column, String expected) {
        return SqlExceptionFactory.create(SqlStates.PROTOCOL_VIOLATION, "the transport sent a "
                + (column == null ? "missing column" : column.representation()) + " for " + this + "; "
                + descriptor.type() + " travels in a " + expected);
    }

    @Override
    public String toString() {
        return "column " + columnNumber + " \"" + descriptor.label() + "\" " + descriptor.typeName();
    }
}
