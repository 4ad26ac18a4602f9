package io.basalt.shell;

import io.basalt.shell.render.Styles;

import io.basalt.jdbc.BasaltStatement;
import io.basalt.jdbc.QueryProgress;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The line a statement shows on the terminal once it has run for a second, redrawn in place until the result
 * starts to print (or the statement ends), then erased. With a Basalt driver that reports progress
 * ({@link BasaltStatement#progress()}) it shows the rows scanned of the estimate, the percent done and the time
 * elapsed; with any other driver or an older server, only the time elapsed and the rows received, which still
 * answers "is it still working?". It always reminds that Ctrl-C cancels.
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
    private final Statement statement;
    private volatile LongSupplier rows = () -> 0;
    private ScheduledFuture<?> ticks;
    private boolean stopped;
    private boolean shown;
    private int frame;

    private ProgressLine(PrintWriter terminal, Styles styles, int width, long startNanos, Statement statement) {
        this.statement = statement;
        this.terminal = terminal;
        this.styles = styles;
        this.width = width;
        this.startNanos = startNanos;
    }

    /** A progress line that never shows, for scripts and dumb terminals. */
    static ProgressLine none() {
        ProgressLine line = new ProgressLine(null, Styles.PLAIN, 0, 0, null);
        line.stopped = true;
        return line;
    }

    /** A line for {@code statement}'s execution, asked for its progress at every redraw. */
    static ProgressLine start(PrintWriter terminal, Styles styles, int width, long startNanos, Statement statement) {
        ProgressLine line = new ProgressLine(terminal, styles, width, startNanos, statement);
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
        String text = text(SPINNER.charAt(frame++ % SPINNER.length()), scanProgress(statement), seconds,
                rows.getAsLong(), width);
        terminal.print("\r" + styles.dim(text) + "\033[K");
        terminal.flush();
        shown = true;
    }

    /**
     * The line's text: rows scanned of the estimate with the percent done when the driver reports them, else the
     * rows received; then the seconds elapsed. Cut to fit {@code width} (a wrapped line could not be redrawn in place).
     *
     * @param progress the statement's progress, or {@code null} when the driver or server cannot report it
     */
    static String text(char spinner, QueryProgress progress, double seconds, long rowsReceived, int width) {
        OptionalDouble percent = progress == null ? OptionalDouble.empty() : progress.percent();
        String text;
        if (percent.isPresent() && progress.rowsTotalEstimate() > 0) {
            text = String.format(Locale.ROOT, "%c %,d / %,d rows scanned (%.0f%%) \u00b7 %.1f s (Ctrl-C cancels)", spinner,
                    progress.rowsScanned(), progress.rowsTotalEstimate(), Math.floor(percent.getAsDouble()), seconds);
        } else {
            text = String.format(Locale.ROOT, "%c %.1f s, %,d rows received (Ctrl-C cancels)", spinner, seconds,
                    rowsReceived);
        }
        if (width > 1 && text.length() >= width) {
            text = text.substring(0, width - 1);
        }
        return text;
    }

    /** The progress a Basalt driver reports for the statement; null from other drivers, or before it has started. */
    private static QueryProgress scanProgress(Statement statement) {
        try {
            if (statement != null && statement.isWrapperFor(BasaltStatement.class)) {
                return statement.unwrap(BasaltStatement.class).progress();
            }
        } catch (SQLException e) {
            // not started yet, or closed meanwhile: the elapsed time is all there is to show
        }
        return null;
    }
}
