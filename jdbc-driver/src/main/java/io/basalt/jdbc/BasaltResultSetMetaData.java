package io.basalt.jdbc;

import io.basalt.jdbc.spi.ColumnDescriptor;
import io.basalt.jdbc.spi.SqlExceptionFactory;
import io.basalt.jdbc.spi.SqlStates;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The columns of a result, answered from the session's {@link ColumnDescriptor}s. */
final class BasaltResultSetMetaData implements ResultSetMetaData {

    private final List<ColumnDescriptor> columns;

    BasaltResultSetMetaData(List<ColumnDescriptor> columns) {
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    private ColumnDescriptor column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw SqlExceptionFactory.create(SqlStates.INVALID_DESCRIPTOR_INDEX, "column index " + column
                    + " is out of range; the result has " + columns.size() + " columns");
        }
        return columns.get(column - 1);
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false; // Basalt has no identity columns
    }

    /** Text compares case-sensitively; other types have no case. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return column(column).type().isText();
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).nullable();
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return column(column).type().isSigned();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return column(column).displaySize();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).label();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        return column(column).schemaName();
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return column(column).tableName();
    }

    /** Basalt has no catalogs. */
    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).sqlType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return column(column).type().javaClassName();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw SqlExceptionFactory.create(SqlStates.INVALID_ARGUMENT, "not a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
