package io.basalt.tpch.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A small streaming JSON writer with two-space indentation, enough for reports: objects, arrays, strings,
 * numbers and null. Not-a-number and infinite values (a query that did not run) are written as null, which
 * JSON readers accept where a number is expected. Written by hand so that basalt.jar gains no dependency.
 */
final class JsonWriter {

    private final StringBuilder text = new StringBuilder();
    /** Per open container: whether it has an element yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter beginObject() {
        beforeValue();
        text.append('{');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endObject() {
        return close('}');
    }

    JsonWriter beginArray() {
        beforeValue();
        text.append('[');
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endArray() {
        return close(']');
    }

    JsonWriter name(String name) {
        beforeValue();
        quote(name);
        text.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        if (value == null) {
            text.append("null");
        } else {
            quote(value);
        }
        return this;
    }

    JsonWriter value(double value) {
        beforeValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            text.append("null");
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value);
        } else {
            text.append(String.format(Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", ""));
        }
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        text.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        text.append(value);
        return this;
    }

    JsonWriter field(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, double value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter field(String name, boolean value) {
        return name(name).value(value);
    }

    String text() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return text.append('\n').toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        boolean[] hasElement = open.peek();
        if (hasElement[0]) {
            text.append(',');
        }
        hasElement[0] = true;
        newline(open.size());
    }

    private JsonWriter close(char bracket) {
        boolean[] hasElement = open.pop();
        if (hasElement[0]) {
            newline(open.size());
        }
        text.append(bracket);
        return this;
    }

    private void newline(int depth) {
        text.append('\n').append("  ".repeat(depth));
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
