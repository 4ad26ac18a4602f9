package io.basalt.shell.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Renders rows to a string, as the tests of the renderers need. */
final class RenderTesting {

    private RenderTesting() {
    }

    static String render(ResultRenderer renderer, List<ResultColumn> columns, List<String[]> rows, int width, int maxRows) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            renderer.render(new ListRows(columns, rows), new RenderTarget(writer, width, maxRows, Styles.PLAIN, () -> { }));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    static List<String[]> numberedRows(int count) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            rows.add(new String[] {String.valueOf(i), "row " + i});
        }
        return rows;
    }

    static String[] row(String... values) {
        return values;
    }
}
