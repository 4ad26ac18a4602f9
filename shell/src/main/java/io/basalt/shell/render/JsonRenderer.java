package io.basalt.shell.render;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A JSON array of objects, one row per line, streamed. Numbers and booleans are JSON numbers and booleans
 * (a number JSON cannot spell, such as NaN, becomes a string), NULL is {@code null}, everything else a
 * string.
 */
public final class JsonRenderer implements ResultRenderer {

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    @Override
    public long render(RowSource rows, RenderTarget target) throws SQLException {
        PrintWriter out = target.out();
        List<ResultColumn> columns = rows.columns();
        long count = 0;
        String[] row;
        out.print("[");
        while ((row = rows.next()) != null) {
            out.print(count == 0 ? "\n" : ",\n");
            out.print(object(columns, row));
            count++;
        }
        out.println(count == 0 ? "]" : "\n]");
        return count;
    }

    static String object(List<ResultColumn> columns, String[] row) {
        StringBuilder object = new StringBuilder("{");
        for (int column = 0; column < row.length; column++) {
            object.append(column == 0 ? "" : ",").append(string(columns.get(column).label())).append(':')
                    .append(value(columns.get(column), row[column]));
        }
        return object.append('}').toString();
    }

    private static String value(ResultColumn column, String value) {
        if (value == null) {
            return "null";
        }
        if (column.kind() == ResultColumn.Kind.NUMBER && JSON_NUMBER.matcher(value).matches()) {
            return value;
        }
        if (column.kind() == ResultColumn.Kind.BOOLEAN && (value.equals("true") || value.equals("false"))) {
            return value;
        }
        return string(value);
    }

    static String string(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
