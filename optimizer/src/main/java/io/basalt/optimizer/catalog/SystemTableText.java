package io.basalt.optimizer.catalog;

import org.apache.calcite.sql.type.SqlTypeName;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A system table's rows as the text of a query over {@code VALUES}, so that information_schema tables plan and run
 * like any view, with no operator of their own. Every value is cast to its column's type: string literals would
 * otherwise be CHAR(n) of differing lengths.
 */
final class SystemTableText {

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

    SystemTableText column(String name, ColumnType type) {
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
        rows.add(java.util.Arrays.asList(values));
    }

    String query() {
        StringJoiner values = new StringJoiner(", ");
        for (List<Object> row : rows) {
            values.add(row(row));
        }
        if (rows.isEmpty()) {
            // VALUES needs a row; an all-NULL one that no row passes keeps the column types.
            Object[] nulls = new Object[names.size()];
            values.add(row(java.util.Arrays.asList(nulls)));
        }
        StringJoiner columns = new StringJoiner(", ");
        names.forEach(name -> columns.add('"' + name + '"'));
        return "SELECT * FROM (VALUES " + values + ") AS system_rows (" + columns + ")"
                + (rows.isEmpty() ? " WHERE FALSE" : "");
    }

    private String row(List<Object> row) {
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            String literal = value == null ? "NULL"
                    : value instanceof String text ? "'" + text.replace("'", "''") + "'" : value.toString();
            values.add("CAST(" + literal + " AS " + types.get(i).sqlType.getName() + ")");
        }
        return values.toString();
    }
}
