package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured Markdown table, numbers right-aligned ({@code ---:}), padded so the source reads as a
 * table too. All rows are kept, since the table is meant to be pasted somewhere whole.
 */
public final class MarkdownRenderer implements ResultRenderer {

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        List<ResultColumn> columns = rows.columns();
        List<String[]> cells = new ArrayList<>();
        String[] header = new String[columns.size()];
        for (int column = 0; column < header.length; column++) {
            header[column] = escape(columns.get(column).label());
        }
        int[] widths = new int[columns.size()];
        measure(header, widths);
        String[] row;
        while ((row = rows.next()) != null) {
            String[] escaped = new String[row.length];
            for (int column = 0; column < row.length; column++) {
                escaped[column] = row[column] == null ? Cells.NULL_TEXT : escape(row[column]);
            }
            measure(escaped, widths);
            cells.add(escaped);
        }
        PrintWriter out = target.out();
        out.println(line(header, widths, columns));
        StringBuilder rule = new StringBuilder("|");
        for (int column = 0; column < widths.length; column++) {
            int dashes = Math.max(3, widths[column]);
            rule.append(' ').append(columns.get(column).isNumber() ? "-".repeat(dashes - 1) + ":" : "-".repeat(dashes)).append(" |");
        }
        out.println(rule);
        for (String[] values : cells) {
            out.println(line(values, widths, columns));
        }
        return cells.size();
    }

    private static void measure(String[] values, int[] widths) {
        for (int column = 0; column < values.length; column++) {
            widths[column] = Math.max(Math.max(widths[column], 3), DisplayWidth.of(values[column]));
        }
    }

    private static String line(String[] values, int[] widths, List<ResultColumn> columns) {
        StringBuilder line = new StringBuilder("|");
        for (int column = 0; column < values.length; column++) {
            line.append(' ').append(DisplayWidth.pad(values[column], widths[column], columns.get(column).isNumber())).append(" |");
        }
        return line.toString();
    }

    /** A pipe would end the cell and a line break the row. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "");
    }
}
