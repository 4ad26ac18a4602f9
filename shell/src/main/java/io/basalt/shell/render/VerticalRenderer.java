package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * psql's expanded display ({@code \x}): one block per row, one line per column, for results too wide to
 * read as a table. Values are cut to the target's width; the row limit applies as for tables.
 */
public final class VerticalRenderer implements ResultRenderer {

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        RowSample sample = RowSample.read(rows, target.maxRows());
        print(rows.columns(), sample, target);
        return sample.total();
    }

    static void print(List<ResultColumn> columns, RowSample sample, RenderTarget target) {
        PrintWriter out = target.out();
        Styles styles = target.styles();
        int nameWidth = 0;
        for (ResultColumn column : columns) {
            nameWidth = Math.max(nameWidth, DisplayWidth.of(DisplayWidth.singleLine(column.label())));
        }
        int valueWidth = target.width() > 0 ? Math.max(1, target.width() - nameWidth - 3) : Integer.MAX_VALUE;
        int widest = 0;
        for (String[] row : sample.shown()) {
            for (String value : row) {
                widest = Math.max(widest, Math.min(valueWidth, DisplayWidth.of(Cells.text(value))));
            }
        }
        int ruleWidth = nameWidth + 3 + widest;
        long number = 1;
        for (String[] row : sample.head()) {
            printRecord(out, styles, columns, row, number++, nameWidth, valueWidth, ruleWidth);
        }
        if (sample.omitted() > 0) {
            out.println(styles.dim(String.format(Locale.ROOT, "%s %,d more rows %s", DisplayWidth.ELLIPSIS,
                    sample.omitted(), DisplayWidth.ELLIPSIS)));
        }
        number = sample.firstTailRowNumber();
        for (String[] row : sample.tail()) {
            printRecord(out, styles, columns, row, number++, nameWidth, valueWidth, ruleWidth);
        }
        out.println("(" + Cells.rowCount(sample.total(), sample.head().size() + sample.tail().size()) + ")");
    }

    private static void printRecord(PrintWriter out, Styles styles, List<ResultColumn> columns, String[] row, long number,
                                    int nameWidth, int valueWidth, int ruleWidth) {
        String title = "-[ RECORD " + number + " ]";
        out.println(styles.dim(title + "-".repeat(Math.max(0, ruleWidth - title.length()))));
        for (int column = 0; column < columns.size(); column++) {
            String name = DisplayWidth.singleLine(columns.get(column).label());
            String value = Cells.unpadded(row[column], valueWidth, styles);
            out.println(Cells.padded(name, styles.header(name), nameWidth, false) + " | " + value);
        }
    }
}
