package io.basalt.shell.render;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC result as rows of text (each value's {@code getString}, the driver's canonical spelling). It
 * counts the rows read so far, which the progress line shows while a long result streams in.
 */
public final class ResultSetRows implements RowSource {

    private final ResultSet result;
    private final List<ResultColumn> columns;
    // Written by the thread reading the result, read by the progress line's thread.
    private volatile long rowsRead;

    public ResultSetRows(ResultSet result) throws SQLException {
        this.result = result;
        ResultSetMetaData metadata = result.getMetaData();
        List<ResultColumn> described = new ArrayList<>();
        for (int column = 1; column <= metadata.getColumnCount(); column++) {
            described.add(new ResultColumn(metadata.getColumnLabel(column), ResultColumn.kindOf(metadata.getColumnType(column))));
        }
        this.columns = List.copyOf(described);
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public String[] next() throws SQLException {
        if (!result.next()) {
            return null;
        }
        String[] row = new String[columns.size()];
        for (int column = 0; column < row.length; column++) {
            row[column] = result.getString(column + 1);
        }
        rowsRead++;
        return row;
    }

    public long rowsRead() {
        return rowsRead;
    }
}
