package io.basalt.tpch;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Shows how a long step advances (rows generated, rows loaded, query i of 22) on the error stream, so that
 * the report on standard output stays clean for redirection. A terminal gets one status line rewritten in
 * place twice a second; a log (make, CI) gets a plain line every ten seconds, and nothing for steps shorter
 * than that.
 */
final class Progress {

    private final PrintStream err;
    private final boolean terminal;

    Progress(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Progress on standard error, rewriting its line when standard error is a terminal. */
    static Progress onConsole(PrintStream err) {
        return new Progress(err, System.console() != null);
    }

    /** Where lines that record progress go (one per finished query, say): the same stream. */
    PrintStream log() {
        return err;
    }

    /** Starts showing {@code status} until the returned ticker is closed. */
    Ticker track(Supplier<String> status) {
        Ticker ticker = new Ticker(status);
        Thread thread = new Thread(ticker, "tpch-progress");
        thread.setDaemon(true);
        ticker.thread = thread;
        thread.start();
        return ticker;
    }

    /** A running status display; closing it stops the display and clears its line. */
    final class Ticker implements AutoCloseable, Runnable {
        private final Supplier<String> status;
        private final long start = System.nanoTime();
        private volatile boolean closed;
        private Thread thread;
        private int shownLength;

        private Ticker(Supplier<String> status) {
            this.status = status;
        }

        @Override
        public void run() {
            long interval = terminal ? 500 : 10_000;
            try {
                while (!closed) {
                    Thread.sleep(interval);
                    if (!closed) {
                        show();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized void show() {
            String line = status.get() + String.format(" (%.0f s)", (System.nanoTime() - start) / 1e9);
            if (terminal) {
                err.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
                shownLength = line.length();
            } else {
                err.println(line);
            }
            err.flush();
        }

        @Override
        public void close() {
            closed = true;
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                if (terminal && shownLength > 0) {
                    err.print("\r" + " ".repeat(shownLength) + "\r");
                    err.flush();
                }
            }
        }
    }
}
