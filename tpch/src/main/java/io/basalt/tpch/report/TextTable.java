package io.basalt.tpch.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned plain-text table: a header, rows and optional rule lines; text columns are left-aligned and
 * columns whose cells look like numbers are right-aligned, so digits line up.
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = List.of(header);
    }

    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + header.size() + " columns");
        }
        rows.add(List.of(cells));
        return this;
    }

    /** A horizontal rule, e.g. before a total. */
    public TextTable rule() {
        rows.add(null);
        return this;
    }

    public void print(PrintStream out) {
        int columns = header.size();
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (int column = 0; column < columns; column++) {
            widths[column] = header.get(column).length();
            numeric[column] = true;
        }
        for (List<String> row : rows) {
            if (row == null) {
                continue;
            }
            for (int column = 0; column < columns; column++) {
                String cell = row.get(column);
                widths[column] = Math.max(widths[column], cell.length());
                numeric[column] &= cell.isEmpty() || looksNumeric(cell);
            }
        }
        print(out, header, widths, numeric);
        printRule(out, widths);
        for (List<String> row : rows) {
            if (row == null) {
                printRule(out, widths);
            } else {
                print(out, row, widths, numeric);
            }
        }
    }

    private static void print(PrintStream out, List<String> cells, int[] widths, boolean[] numeric) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            if (column > 0) {
                line.append("  ");
            }
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(numeric[column] ? padding + cell : cell + padding);
        }
        out.println(line.toString().stripTrailing());
    }

    private static void printRule(PrintStream out, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            if (column > 0) {
                line.append("  ");
            }
            line.append("-".repeat(widths[column]));
        }
        out.println(line);
    }

    /**
     * Digits with separators, a sign, a decimal point, and an optional unit such as {@code ×} or {@code %}; or a
     * placeholder that stands in a numeric column for a value that does not exist.
     */
    private static boolean looksNumeric(String cell) {
        return cell.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?\\s?[×%a-zA-Z]{0,2}") || cell.equals("-") || cell.equals("failed");
    }
}
