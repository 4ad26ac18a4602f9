package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite's and DuckDB's line mode: {@code name = value} for each column, names right-aligned, a blank line
 * between rows, streamed. Values are written whole.
 */
public final class LineRenderer implements ResultRenderer {

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        List<ResultColumn> columns = rows.columns();
        int nameWidth = 0;
        for (ResultColumn column : columns) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(column.label()));
        }
        PrintWriter out = null;
        Styles styles = target.styles();
        long count = 0;
        String[] row;
        while ((row = rows.next()) != null) {
            out = out == null ? target.out() : out;
            if (count > 0) {
                out.println();
            }
            for (int column = 0; column < columns.size(); column++) {
                String name = DisplayWidth.pad(columns.get(column).label(), nameWidth, true);
                String value = row[column] == null ? styles.nullValue(Cells.NULL_TEXT) : row[column];
                out.println(name + " = " + value);
            }
            count++;
        }
        return count;
    }
}
