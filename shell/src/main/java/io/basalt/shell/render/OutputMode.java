package io.basalt.shell.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How results are written: {@code \mode} and {@code --format}. */
public enum OutputMode {
    /** Aligned columns with a header, fitted to the terminal. */
    TABLE,
    /** CSV with a header; NULL is an empty field, an empty string is {@code ""} (as COPY reads them). */
    CSV,
    /** One JSON array of objects, one row per line. */
    JSON,
    /** A GitHub-flavoured Markdown table. */
    MARKDOWN,
    /** {@code column = value}, one value per line, a blank line between rows. */
    LINE;

    /** The name as typed ({@code csv}). */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputMode> named(String name) {
        for (OutputMode mode : values()) {
            if (mode.displayName().equalsIgnoreCase(name.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    public static List<String> displayNames() {
        List<String> names = new ArrayList<>();
        for (OutputMode mode : values()) {
            names.add(mode.displayName());
        }
        return names;
    }
}
