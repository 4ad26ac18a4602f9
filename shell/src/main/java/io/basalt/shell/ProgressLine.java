package io.basalt.shell;

import io.basalt.shell.render.Styles;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The line a statement shows on the terminal once it has run for a second: a spinner, the time elapsed and
 * the rows received so far, redrawn in place until the result starts to print (or the statement ends), then
 * erased. JDBC offers no view of the rows a query has scanned or of its estimated work, so this is what a
 * client can honestly show; it answers the question "is it still working?" and reminds that Ctrl-C cancels.
 */
final class ProgressLine {

    static final long DELAY_MILLIS = 1000;
    private static final long PERIOD_MILLIS = 200;
    private static final String SPINNER = "|/-\\";
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "basalt-shell-progress");
        thread.setDaemon(true);
        return thread;
    });

    private final PrintWriter terminal;
    private final Styles styles;
    private final int width;
    private final long startNanos;
    private volatile LongSupplier rows = () -> 0;
    private ScheduledFuture<?> ticks;
    private boolean stopped;
    private boolean shown;
    private int frame;

    private ProgressLine(PrintWriter terminal, Styles styles, int width, long startNanos) {
        this.terminal = terminal;
        this.styles = styles;
        this.width = width;
        this.startNanos = startNanos;
    }

    /** A progress line that never shows, for scripts and dumb terminals. */
    static ProgressLine none() {
        ProgressLine line = new ProgressLine(null, Styles.PLAIN, 0, 0);
        line.stopped = true;
        return line;
    }

    static ProgressLine start(PrintWriter terminal, Styles styles, int width, long startNanos) {
        ProgressLine line = new ProgressLine(terminal, styles, width, startNanos);
        synchronized (line) {
            line.ticks = TICKER.scheduleAtFixedRate(line::draw, DELAY_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        }
        return line;
    }

    /** Where the count of rows received comes from, once the result has started to arrive. */
    void countRowsWith(LongSupplier rowsReceived) {
        rows = rowsReceived;
    }

    /** Stops redrawing and erases the line; safe to call more than once. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        ticks.cancel(false);
        if (shown) {
            terminal.print("\r\033[K");
            terminal.flush();
        }
    }

    private synchronized void draw() {
        if (stopped) {
            return;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String text = String.format(Locale.ROOT, "%c %.1f s, %,d rows received (Ctrl-C cancels)",
                SPINNER.charAt(frame++ % SPINNER.length()), seconds, rows.getAsLong());
        if (width > 1 && text.length() >= width) {
            text = text.substring(0, width - 1); // a wrapped line could not be redrawn in place
        }
        terminal.print("\r" + styles.dim(text) + "\033[K");
        terminal.flush();
        shown = true;
    }
}
