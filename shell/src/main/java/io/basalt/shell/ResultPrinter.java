package io.basalt.shell;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Prints a JDBC result as an aligned table, numbers right-aligned, NULL shown as {@code NULL}. */
final class ResultPrinter {

    private ResultPrinter() {
    }

    static void print(ResultSet result, PrintWriter out) throws SQLException {
        ResultSetMetaData metadata = result.getMetaData();
        int columns = metadata.getColumnCount();
        List<String> header = new ArrayList<>();
        boolean[] numeric = new boolean[columns];
        for (int column = 1; column <= columns; column++) {
            header.add(metadata.getColumnLabel(column));
            numeric[column - 1] = isNumeric(metadata.getColumnType(column));
        }
        TextTable table = new TextTable(header, numeric);
        while (result.next()) {
            Object[] row = new Object[columns];
            for (int column = 1; column <= columns; column++) {
                row[column - 1] = result.getString(column);
            }
            table.add(row);
        }
        table.print(out);
    }

    private static boolean isNumeric(int sqlType) {
        switch (sqlType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.REAL,
                    Types.FLOAT, Types.DOUBLE:
                return true;
            default:
                return false;
        }
    }
}
