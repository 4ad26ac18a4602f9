package io.basalt.shell.input;

import java.util.Objects;

/**
 * A statement to send to the database, from its first to its last significant token: the {@code ;} and the
 * comments around it are gone, so an error's line and column count from the statement's first word.
 */
public record SqlCommand(String text) implements Command {

    public SqlCommand {
        Objects.requireNonNull(text, "text");
    }
}
