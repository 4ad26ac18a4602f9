package io.basalt.optimizer.catalog;

import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;

/**
 * A system table's columns and rows, computed from one manifest; {@link SystemTable} hands them to the planner, and
 * the physical plan runs them as constant rows, with no operator of their own.
 */
final class SystemTableRows {

    /** The type of a system table column; every value may be NULL. */
    public enum ColumnType {
        TEXT(SqlTypeName.VARCHAR),
        INTEGER(SqlTypeName.INTEGER),
        BIGINT(SqlTypeName.BIGINT);

        private final SqlTypeName sqlType;

        ColumnType(SqlTypeName sqlType) {
            this.sqlType = sqlType;
        }

        SqlTypeName sqlType() {
            return sqlType;
        }
    }

    private final List<String> names = new ArrayList<>();
    private final List<ColumnType> types = new ArrayList<>();
    private final List<List<Object>> rows = new ArrayList<>();

    SystemTableRows column(String name, ColumnType type) {
        names.add(name);
        types.add(type);
        return this;
    }

    List<String> names() {
        return names;
    }

    List<ColumnType> types() {
        return types;
    }

    /** One row: a String or null for TEXT, an Integer or Long or null for INTEGER and BIGINT columns. */
    void row(Object... values) {
        if (values.length != names.size()) {
            throw new IllegalArgumentException("a row of " + values.length + " values for " + names.size() + " columns");
        }
        Object[] row = values.clone();
        for (int i = 0; i < row.length; i++) {
            if (row[i] instanceof Integer integer) {
                row[i] = integer.longValue();
            }
        }
        rows.add(java.util.Arrays.asList(row));
    }

    /** The rows, integers as Longs. */
    List<List<Object>> rows() {
        return rows;
    }
}
