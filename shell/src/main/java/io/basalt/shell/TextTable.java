package io.basalt.shell;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Renders rows as an aligned table with a header rule, numbers right-aligned. */
final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;

    TextTable(List<String> header, boolean... rightAligned) {
        this.header = header;
        this.rightAligned = new boolean[header.size()];
        System.arraycopy(rightAligned, 0, this.rightAligned, 0, Math.min(rightAligned.length, header.size()));
    }

    void add(Object... values) {
        List<String> row = new ArrayList<>();
        for (Object value : values) {
            row.add(value == null ? "NULL" : value.toString());
        }
        rows.add(row);
    }

    void print(PrintWriter out) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).codePointCount(0, header.get(c).length());
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).codePointCount(0, row.get(c).length()));
            }
        }
        printRow(out, header, widths);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
        }
        out.println(rule);
        for (List<String> row : rows) {
            printRow(out, row, widths);
        }
        out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
    }

    private void printRow(PrintWriter out, List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < widths.length; c++) {
            String value = row.get(c);
            String padding = " ".repeat(widths[c] - value.codePointCount(0, value.length()));
            line.append(c == 0 ? "" : " | ").append(rightAligned[c] ? padding + value : value + padding);
        }
        out.println(line.toString().stripTrailing());
    }
}
