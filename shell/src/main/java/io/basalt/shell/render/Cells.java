package io.basalt.shell.render;

import java.util.Locale;

/** How a value appears in a table or a vertical record: one line, NULL spelled out and dimmed. */
final class Cells {

    static final String NULL_TEXT = "NULL";

    private Cells() {
    }

    /** The cell's plain text, before truncation: what its width is measured on. */
    static String text(String value) {
        return value == null ? NULL_TEXT : DisplayWidth.singleLine(value);
    }

    /** The cell cut to {@code width} and styled (NULL dimmed), without padding. */
    static String unpadded(String value, int width, Styles styles) {
        String text = DisplayWidth.truncate(text(value), width);
        return value == null ? styles.nullValue(text) : text;
    }

    /** The cell cut to {@code width}, padded, and styled (NULL dimmed). */
    static String render(String value, int width, boolean rightAligned, Styles styles) {
        String text = DisplayWidth.truncate(text(value), width);
        return padded(text, value == null ? styles.nullValue(text) : text, width, rightAligned);
    }

    /** {@code styled} padded to {@code width} as measured on its {@code plain} text (escape codes take no room). */
    static String padded(String plain, String styled, int width, boolean rightAligned) {
        String padding = " ".repeat(Math.max(0, width - DisplayWidth.of(plain)));
        return rightAligned ? padding + styled : styled + padding;
    }

    /** {@code (1 row)}, {@code (1,234 rows, 40 shown)}. */
    static String rowCount(long total, long shown) {
        String count = String.format(Locale.ROOT, "%,d %s", total, total == 1 ? "row" : "rows");
        return shown < total ? count + String.format(Locale.ROOT, ", %,d shown", shown) : count;
    }
}
