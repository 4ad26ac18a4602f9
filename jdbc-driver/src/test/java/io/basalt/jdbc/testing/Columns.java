package io.basalt.jdbc.testing;

import io.basalt.jdbc.spi.ColumnDescriptor;

import java.sql.Types;

/** Short names for the column descriptors tests use most. */
public final class Columns {

    private Columns() {
    }

    public static ColumnDescriptor column(String name, int sqlType) {
        return ColumnDescriptor.builder(name, sqlType).build();
    }

    public static ColumnDescriptor bigint(String name) {
        return column(name, Types.BIGINT);
    }

    public static ColumnDescriptor integer(String name) {
        return column(name, Types.INTEGER);
    }

    public static ColumnDescriptor varchar(String name) {
        return column(name, Types.VARCHAR);
    }

    public static ColumnDescriptor decimal(String name, int precision, int scale) {
        return ColumnDescriptor.builder(name, Types.DECIMAL).precision(precision).scale(scale).build();
    }
}
