package io.basalt.server.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one database answered to one query: its rows, with values brought to a form both databases share (numbers
 * as {@link BigDecimal}, booleans as {@link Boolean}, dates and text as strings, NULL as null), or its error.
 *
 * @param rows the rows, in the order the database sent them; empty when the query failed
 * @param error the error's SQLSTATE and message, or null when the query ran
 */
record QueryAnswer(List<List<Object>> rows, String error) {

    static QueryAnswer of(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (resultSet.next()) {
                Object[] row = new Object[metaData.getColumnCount()];
                for (int column = 1; column <= row.length; column++) {
                    row[column - 1] = value(resultSet, metaData.getColumnType(column), column);
                }
                rows.add(Arrays.asList(row));
            }
            return new QueryAnswer(rows, null);
        } catch (SQLException e) {
            return new QueryAnswer(List.of(), e.getSQLState() + " " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse(""));
        }
    }

    private static Object value(ResultSet resultSet, int type, int column) throws SQLException {
        if (type == Types.DATE || type == Types.TIMESTAMP || type == Types.TIME) {
            return resultSet.getString(column);
        }
        Object value = resultSet.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // NaN and infinities have no BigDecimal; their text is the same in both databases' drivers.
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : Double.toString(number);
        }
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Number) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Boolean) {
            return value;
        }
        return value.toString();
    }
}
