package io.basalt.shell.render;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours for output on a terminal, or none for files and pipes. Rendering measures and pads the plain
 * text and styles it last, so escape codes never count as width.
 */
public final class Styles {

    public static final Styles PLAIN = new Styles(false);
    public static final Styles ANSI = new Styles(true);

    private final boolean enabled;

    private Styles(boolean enabled) {
        this.enabled = enabled;
    }

    /** NULL is dimmed, so that it stands apart from the string 'NULL'. */
    public String nullValue(String text) {
        return style(text, AttributedStyle.DEFAULT.italic().faint());
    }

    public String header(String text) {
        return style(text, AttributedStyle.BOLD);
    }

    /** Ellipses, footers, hints: text about the result rather than in it. */
    public String dim(String text) {
        return style(text, AttributedStyle.DEFAULT.faint());
    }

    public String error(String text) {
        return style(text, AttributedStyle.BOLD.foreground(AttributedStyle.RED));
    }

    public String success(String text) {
        return style(text, AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    private String style(String text, AttributedStyle style) {
        return enabled && !text.isEmpty() ? new AttributedString(text, style).toAnsi() : text;
    }
}
