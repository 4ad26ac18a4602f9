package io.basalt.shell.input;

import java.util.Objects;

/**
 * A backslash command such as {@code \dt main} or {@code \mode csv}: its name (with the backslash) and the
 * rest of its line. A {@code ;} at the end is dropped, since people type {@code \dt;} out of SQL habit.
 */
public record MetaCommand(String name, String argument, String text) implements Command {

    public MetaCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argument, "argument");
        Objects.requireNonNull(text, "text");
    }

    /** Reads a line that starts (after blanks) with a backslash. */
    public static MetaCommand parse(String line) {
        String text = line.strip();
        String withoutSemicolon = text;
        while (withoutSemicolon.endsWith(";")) {
            withoutSemicolon = withoutSemicolon.substring(0, withoutSemicolon.length() - 1).stripTrailing();
        }
        int blank = firstBlank(withoutSemicolon);
        String name = blank < 0 ? withoutSemicolon : withoutSemicolon.substring(0, blank);
        String argument = blank < 0 ? "" : withoutSemicolon.substring(blank).strip();
        return new MetaCommand(name, argument, text);
    }

    /** Whether a line is a meta-command when it begins outside any statement. */
    public static boolean startsMetaCommand(String line) {
        return line.stripLeading().startsWith("\\");
    }

    private static int firstBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
