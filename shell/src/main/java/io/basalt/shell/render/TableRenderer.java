package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;

/**
 * The aligned table, psql's layout: a header, a rule, one line per row, numbers right-aligned, NULL dimmed,
 * and a footer with the row count. It fits the target's width ({@link TableLayout}) and shows at most the
 * target's row limit, the first and last rows with an ellipsis row between. With {@code verticalWhenTooWide}
 * (\x auto) a table that would have to leave columns out is shown vertically instead.
 */
public final class TableRenderer implements ResultRenderer {

    private final boolean verticalWhenTooWide;

    public TableRenderer(boolean verticalWhenTooWide) {
        this.verticalWhenTooWide = verticalWhenTooWide;
    }

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        List<ResultColumn> columns = rows.columns();
        RowSample sample = RowSample.read(rows, target.maxRows());
        boolean[] numeric = new boolean[columns.size()];
        int[] natural = new int[columns.size()];
        for (int column = 0; column < columns.size(); column++) {
            numeric[column] = columns.get(column).isNumber();
            natural[column] = DisplayWidth.of(Cells.text(columns.get(column).label()));
            for (String[] row : sample.shown()) {
                natural[column] = Math.max(natural[column], DisplayWidth.of(Cells.text(row[column])));
            }
        }
        TableLayout layout = TableLayout.fit(natural, numeric, target.width());
        if (verticalWhenTooWide && layout.omitsColumns()) {
            VerticalRenderer.print(columns, sample, target);
            return sample.total();
        }
        PrintWriter out = target.out();
        Styles styles = target.styles();
        out.println(header(columns, layout, numeric, styles));
        out.println(rule(layout));
        for (String[] row : sample.head()) {
            out.println(row(row, layout, numeric, styles));
        }
        if (sample.omitted() > 0) {
            out.println(ellipsisRow(layout, numeric, styles));
        }
        for (String[] row : sample.tail()) {
            out.println(row(row, layout, numeric, styles));
        }
        out.println(footer(sample, layout, columns.size()));
        return sample.total();
    }

    private static String header(List<ResultColumn> columns, TableLayout layout, boolean[] numeric, Styles styles) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < layout.columns().length; i++) {
            int column = layout.columns()[i];
            int width = layout.widths()[i];
            line.append(i == 0 ? "" : " | ");
            if (column == TableLayout.OMITTED) {
                line.append(styles.dim(DisplayWidth.ELLIPSIS));
                continue;
            }
            String label = DisplayWidth.truncate(DisplayWidth.singleLine(columns.get(column).label()), width);
            line.append(Cells.padded(label, styles.header(label), width, numeric[column]));
        }
        return line.toString().stripTrailing();
    }

    private static String rule(TableLayout layout) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < layout.widths().length; i++) {
            line.append(i == 0 ? "" : "-+-").append("-".repeat(layout.widths()[i]));
        }
        return line.toString();
    }

    private static String row(String[] values, TableLayout layout, boolean[] numeric, Styles styles) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < layout.columns().length; i++) {
            int column = layout.columns()[i];
            line.append(i == 0 ? "" : " | ");
            line.append(column == TableLayout.OMITTED ? styles.dim(DisplayWidth.ELLIPSIS)
                    : Cells.render(values[column], layout.widths()[i], numeric[column], styles));
        }
        return line.toString().stripTrailing();
    }

    private static String ellipsisRow(TableLayout layout, boolean[] numeric, Styles styles) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < layout.columns().length; i++) {
            int column = layout.columns()[i];
            boolean right = column != TableLayout.OMITTED && numeric[column];
            line.append(i == 0 ? "" : " | ")
                    .append(Cells.padded(DisplayWidth.ELLIPSIS, styles.dim(DisplayWidth.ELLIPSIS), layout.widths()[i], right));
        }
        return line.toString().stripTrailing();
    }

    private static String footer(RowSample sample, TableLayout layout, int columnCount) {
        String rows = Cells.rowCount(sample.total(), sample.head().size() + sample.tail().size());
        if (!layout.omitsColumns()) {
            return "(" + rows + ")";
        }
        return "(" + rows + "; " + layout.shownColumnCount() + " of " + columnCount + " columns shown, \\x shows all)";
    }
}
