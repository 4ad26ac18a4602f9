package io.basalt.shell.render;

import org.jline.utils.WCWidth;

/**
 * Text measured in terminal columns rather than characters: East Asian wide characters take two columns,
 * combining marks none. Values are made single-line for tables, so one row stays one line.
 */
public final class DisplayWidth {

    /** Marks text cut to fit, and rows or columns left out. */
    public static final String ELLIPSIS = "…";

    private DisplayWidth() {
    }

    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            width += Math.max(0, WCWidth.wcwidth(codePoint));
            i += Character.charCount(codePoint);
        }
        return width;
    }

    /** {@code text} if it fits in {@code width} columns, else as much as fits followed by an ellipsis. */
    public static String truncate(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int columns = Math.max(0, WCWidth.wcwidth(codePoint));
            if (used + columns > width - 1) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += columns;
            i += Character.charCount(codePoint);
        }
        return width <= 0 ? "" : kept + ELLIPSIS;
    }

    /** Pads {@code text} with blanks to {@code width} columns, on the left when {@code right}-aligned. */
    public static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(Math.max(0, width - of(text)));
        return right ? padding + text : text + padding;
    }

    /**
     * A value as one table cell: a line break shows as {@code ↵}, a tab as a blank and other control
     * characters as {@code �}, so they can neither break the layout nor move the cursor.
     */
    public static String singleLine(String value) {
        StringBuilder cell = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ' ' && c != 0x7f) {
                if (cell != null) {
                    cell.append(c);
                }
                continue;
            }
            if (cell == null) {
                cell = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (c == '\n') {
                cell.append('↵');
            } else if (c == '\t') {
                cell.append(' ');
            } else if (c != '\r') {
                cell.append('\uFFFD');
            }
        }
        return cell == null ? value : cell.toString();
    }
}
