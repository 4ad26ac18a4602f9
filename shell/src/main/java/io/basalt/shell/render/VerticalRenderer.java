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
        new Records(columns, sample, target).print(sample);
    }

    /** The layout shared by all records of one result: name width, value width, rule width. */
    private static final class Records {

        private final List<ResultColumn> columns;
        private final PrintWriter out;
        private final Styles styles;
        private final int nameWidth;
        private final int valueWidth;
        private final int ruleWidth;

        Records(List<ResultColumn> columns, RowSample sample, RenderTarget target) {
            this.columns = columns;
            this.out = target.out();
            this.styles = target.styles();
            int names = 0;
            for (ResultColumn column : columns) {
                names = Math.max(names, DisplayWidth.of(DisplayWidth.singleLine(column.label())));
            }
            this.nameWidth = names;
            this.valueWidth = target.width() > 0 ? Math.max(1, target.width() - nameWidth - 3) : Integer.MAX_VALUE;
            int widest = 0;
            for (String[] row : sample.shown()) {
                for (String value : row) {
                    widest = Math.max(widest, Math.min(valueWidth, DisplayWidth.of(Cells.text(value))));
                }
            }
            this.ruleWidth = nameWidth + 3 + widest;
        }

        void print(RowSample sample) {
            long number = 1;
            for (String[] row : sample.head()) {
                printRecord(row, number++);
            }
            if (sample.omitted() > 0) {
                out.println(styles.dim(String.format(Locale.ROOT, "%s %,d more rows %s", DisplayWidth.ELLIPSIS,
                        sample.omitted(), DisplayWidth.ELLIPSIS)));
            }
            number = sample.firstTailRowNumber();
            for (String[] row : sample.tail()) {
                printRecord(row, number++);
            }
            out.println("(" + Cells.rowCount(sample.total(), sample.head().size() + sample.tail().size()) + ")");
        }

        private void printRecord(String[] row, long number) {
            String title = "-[ RECORD " + number + " ]";
            out.println(styles.dim(title + "-".repeat(Math.max(0, ruleWidth - title.length()))));
            for (int column = 0; column < columns.size(); column++) {
                String name = DisplayWidth.singleLine(columns.get(column).label());
                out.println(Cells.padded(name, styles.header(name), nameWidth, false) + " | "
                        + Cells.unpadded(row[column], valueWidth, styles));
            }
        }
    }
}
