package io.basalt.shell.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a table's columns into the terminal's width. First every column gets its natural width (its widest
 * value). If that is too wide, the widest columns are cut down evenly (values end in an ellipsis) but never
 * below a minimum: numbers keep their full width, since a cut number is a wrong number. If the minimums still
 * do not fit, columns are left out from the middle, keeping the first and last ones (as DuckDB does), and a
 * one-character ellipsis column marks the gap.
 */
final class TableLayout {

    /** Between two columns: " | ". */
    static final int SEPARATOR_WIDTH = 3;
    /** Marks the columns left out, in {@link #columns()}. */
    static final int OMITTED = -1;
    /** Text columns are not cut below this many terminal columns (or their natural width, if smaller). */
    static final int MINIMUM_TEXT_WIDTH = 10;

    private final int[] columns;
    private final int[] widths;

    private TableLayout(int[] columns, int[] widths) {
        this.columns = columns;
        this.widths = widths;
    }

    /**
     * Lays out columns of the given natural widths in {@code available} terminal columns (0: no limit).
     * {@code numeric} columns keep their natural width as their minimum.
     */
    static TableLayout fit(int[] natural, boolean[] numeric, int available) {
        int count = natural.length;
        List<Integer> all = new ArrayList<>();
        for (int column = 0; column < count; column++) {
            all.add(column);
        }
        if (available <= 0 || total(all, natural) <= available) {
            return layout(all, natural, natural, Integer.MAX_VALUE);
        }
        int[] minimum = new int[count];
        for (int column = 0; column < count; column++) {
            minimum[column] = numeric[column] ? natural[column] : Math.min(natural[column], MINIMUM_TEXT_WIDTH);
        }
        List<Integer> shown = total(all, minimum) <= available ? all : keepOuterColumns(minimum, available);
        return layout(shown, natural, minimum, largestCap(shown, natural, minimum, available));
    }

    /** Column indexes in display order, {@link #OMITTED} where columns were left out. */
    int[] columns() {
        return columns;
    }

    /** The width of each entry of {@link #columns()}. */
    int[] widths() {
        return widths;
    }

    /** Total width of the table's lines. */
    int totalWidth() {
        int total = SEPARATOR_WIDTH * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    boolean omitsColumns() {
        for (int column : columns) {
            if (column == OMITTED) {
                return true;
            }
        }
        return false;
    }

    /** How many result columns are shown. */
    int shownColumnCount() {
        return omitsColumns() ? columns.length - 1 : columns.length;
    }

    /** Takes columns alternately from the left and the right while their minimum widths fit. */
    private static List<Integer> keepOuterColumns(int[] minimum, int available) {
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        int nextLeft = 0;
        int nextRight = minimum.length - 1;
        boolean fromLeft = true;
        while (nextLeft <= nextRight) {
            int candidate = fromLeft ? nextLeft : nextRight;
            List<Integer> attempt = joined(fromLeft ? append(left, candidate) : left, fromLeft ? right : prepend(right, candidate));
            if (total(attempt, minimum) > available && !(left.isEmpty() && fromLeft)) {
                break;
            }
            if (fromLeft) {
                left.add(candidate);
                nextLeft++;
            } else {
                right.add(0, candidate);
                nextRight--;
            }
            fromLeft = !fromLeft;
        }
        if (left.size() + right.size() == minimum.length) {
            left.addAll(right); // only possible with a single column too wide on its own: nothing is left out
            return left;
        }
        return joined(left, right);
    }

    /** The largest width cap under which the shown columns fit (at least their minimums). */
    private static int largestCap(List<Integer> shown, int[] natural, int[] minimum, int available) {
        int low = 0;
        int high = 0;
        for (int column : shown) {
            if (column != OMITTED) {
                high = Math.max(high, natural[column]);
            }
        }
        while (low < high) {
            int cap = (low + high + 1) / 2;
            if (total(shown, capped(natural, minimum, cap)) <= available) {
                low = cap;
            } else {
                high = cap - 1;
            }
        }
        return low;
    }

    private static TableLayout layout(List<Integer> shown, int[] natural, int[] minimum, int cap) {
        int[] widthOf = capped(natural, minimum, cap);
        int[] columns = new int[shown.size()];
        int[] widths = new int[shown.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = shown.get(i);
            widths[i] = columns[i] == OMITTED ? 1 : widthOf[columns[i]];
        }
        return new TableLayout(columns, widths);
    }

    private static int[] capped(int[] natural, int[] minimum, int cap) {
        int[] widths = new int[natural.length];
        for (int column = 0; column < natural.length; column++) {
            widths[column] = Math.max(minimum[column], Math.min(natural[column], cap));
        }
        return widths;
    }

    private static int total(List<Integer> columns, int[] widths) {
        int total = SEPARATOR_WIDTH * (columns.size() - 1);
        for (int column : columns) {
            total += column == OMITTED ? 1 : widths[column];
        }
        return total;
    }

    /** Left columns, the ellipsis column if anything is left out between them, then right columns. */
    private static List<Integer> joined(List<Integer> left, List<Integer> right) {
        List<Integer> columns = new ArrayList<>(left);
        columns.add(OMITTED);
        columns.addAll(right);
        return columns;
    }

    private static List<Integer> append(List<Integer> list, int value) {
        List<Integer> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }

    private static List<Integer> prepend(List<Integer> list, int value) {
        List<Integer> copy = new ArrayList<>(list);
        copy.add(0, value);
        return copy;
    }
}
