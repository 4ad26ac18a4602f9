package io.basalt.jdbc.value;

import io.basalt.jdbc.spi.ColumnDescriptor;

/** Chooses the accessor for a column's SQL type. */
public final class ColumnAccessors {

    private ColumnAccessors() {
    }

    /** The accessor of {@code descriptor}, the {@code columnNumber}th (1-based) column of a result. */
    public static ColumnAccessor create(ColumnDescriptor descriptor, int columnNumber) {
        switch (descriptor.type()) {
            case BOOLEAN:
                return new BooleanAccessor(descriptor, columnNumber);
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return new IntegerAccessor(descriptor, columnNumber);
            case DECIMAL:
            case NUMERIC:
                return new DecimalAccessor(descriptor, columnNumber);
            case REAL:
            case FLOAT:
            case DOUBLE:
                return new FloatingAccessor(descriptor, columnNumber);
            case CHAR:
            case VARCHAR:
                return new TextAccessor(descriptor, columnNumber);
            case DATE:
                return new DateAccessor(descriptor, columnNumber);
            case TIME:
                return new TimeAccessor(descriptor, columnNumber);
            case TIMESTAMP:
                return new TimestampAccessor(descriptor, columnNumber);
            case NULL:
                return new NullAccessor(descriptor, columnNumber);
            default:
                throw new IllegalStateException("no accessor for " + descriptor.type());
        }
    }
}
