package io.basalt.parser.ast;

import java.util.Locale;
import java.util.Objects;

/**
 * The value of a COPY option, a table option or a SET. {@code text} is the unquoted string, the number as
 * written (with its sign), {@code true}/{@code false}, or the case-folded word; what a value means is up
 * to the option, so the accessors convert leniently the way PostgreSQL does ({@code FORMAT csv} and
 * {@code FORMAT 'csv'} both read as text "csv").
 */
public record OptionValue(Kind kind, String text) {

    public enum Kind {
        STRING,
        NUMBER,
        BOOLEAN,
        /** A bare word such as {@code csv} or {@code zstd}. */
        IDENTIFIER,
        /** {@code SET name TO DEFAULT}: reset to the default. */
        DEFAULT
    }

    public OptionValue {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    public static OptionValue string(String text) {
        return new OptionValue(Kind.STRING, text);
    }

    public static OptionValue number(String text) {
        return new OptionValue(Kind.NUMBER, text);
    }

    public static OptionValue bool(boolean value) {
        return new OptionValue(Kind.BOOLEAN, String.valueOf(value));
    }

    public static OptionValue identifier(String text) {
        return new OptionValue(Kind.IDENTIFIER, text);
    }

    /** {@code DEFAULT}, as in {@code SET name TO DEFAULT} (and {@code RESET name}). */
    public static OptionValue toDefault() {
        return new OptionValue(Kind.DEFAULT, "default");
    }

    /**
     * The value as a boolean, accepting PostgreSQL's spellings: true/false, on/off, yes/no, 1/0.
     *
     * @throws IllegalArgumentException when the value is none of them
     */
    public boolean asBoolean() {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> {
                return true;
            }
            case "false", "off", "no", "0" -> {
                return false;
            }
            default -> throw new IllegalArgumentException("expected a boolean value, got " + this);
        }
    }

    /** The value as SQL would show it: strings quoted, everything else as is. */
    @Override
    public String toString() {
        return kind == Kind.STRING ? "'" + text.replace("'", "''") + "'" : text;
    }
}
