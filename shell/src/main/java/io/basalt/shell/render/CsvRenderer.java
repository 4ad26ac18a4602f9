package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * CSV with a header line and RFC 4180 quoting, streamed row by row, lines ending in a bare line feed. NULL is an empty field and an empty string is
 * {@code ""}, PostgreSQL's convention, which Basalt's COPY FROM reads back the same way.
 */
public final class CsvRenderer implements ResultRenderer {

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        PrintWriter out = target.out();
        List<ResultColumn> columns = rows.columns();
        String[] header = new String[columns.size()];
        for (int column = 0; column < header.length; column++) {
            header[column] = columns.get(column).label();
        }
        out.print(line(header));
        long count = 0;
        String[] row;
        while ((row = rows.next()) != null) {
            out.print(line(row));
            count++;
        }
        return count;
    }

    static String line(String[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append(i == 0 ? "" : ",").append(field(values[i]));
        }
        return line.append('\n').toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.isEmpty();
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
