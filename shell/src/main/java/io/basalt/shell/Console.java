package io.basalt.shell;

import io.basalt.shell.render.Styles;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;

import java.io.PrintWriter;

/**
 * Where the shell writes. On a terminal everything goes to the screen, with colours. In a script, results
 * go to standard output and messages (OK, timing, errors) to standard error, so that
 * {@code basalt shell --format csv -c "…" > out.csv} writes nothing but the data.
 */
final class Console {

    /** A terminal table shows at most this many rows (DuckDB's default): the first and last twenty. */
    static final int TERMINAL_MAX_ROWS = 40;

    private final PrintWriter out;
    private final PrintWriter messages;
    private final Styles styles;
    private final Terminal terminal;

    private Console(PrintWriter out, PrintWriter messages, Styles styles, Terminal terminal) {
        this.out = out;
        this.messages = messages;
        this.styles = styles;
        this.terminal = terminal;
    }

    static Console forTerminal(Terminal terminal) {
        boolean colours = !Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
        return new Console(terminal.writer(), terminal.writer(), colours ? Styles.ANSI : Styles.PLAIN, terminal);
    }

    static Console forStreams(PrintWriter out, PrintWriter messages) {
        return new Console(out, messages, Styles.PLAIN, null);
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter messages() {
        return messages;
    }

    Styles styles() {
        return styles;
    }

    boolean interactive() {
        return terminal != null;
    }

    /** The terminal, only when {@link #interactive()}. */
    Terminal terminal() {
        return terminal;
    }

    /** The width results must fit: the terminal's, or 0 (no limit) for a script. */
    int width() {
        return terminal == null ? 0 : terminal.getWidth();
    }

    /** Whether a progress line can redraw itself in place. */
    boolean canShowProgress() {
        return terminal != null && styles == Styles.ANSI;
    }

    /**
     * While a statement runs, keys typed ahead are kept for the next prompt but not echoed, which would
     * break the progress line; Ctrl-C still signals (raw mode keeps ISIG). Closing restores the terminal.
     */
    TypedInputHold holdTypedInput() {
        if (terminal == null) {
            return () -> { };
        }
        Attributes previous = terminal.enterRawMode();
        return () -> terminal.setAttributes(previous);
    }

    /** Restores the terminal's input mode; closing cannot fail. */
    interface TypedInputHold extends AutoCloseable {
        @Override
        void close();
    }

    void flush() {
        out.flush();
        messages.flush();
    }
}
