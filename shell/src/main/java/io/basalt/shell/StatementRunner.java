package io.basalt.shell;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.shell.render.OutputMode;
import io.basalt.shell.render.RenderTarget;
import io.basalt.shell.render.ResultSetRows;
import org.antlr.v4.runtime.Token;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Runs one SQL statement through JDBC and shows what came back: the result in the current output mode, or
 * "OK" with the rows changed, then the time taken. On a terminal a progress line appears after a second,
 * and Ctrl-C (via {@link #cancelRunning()}) cancels with {@link Statement#cancel()}. A failure prints its
 * error and the shell goes on; DDL makes completion read the catalog again.
 */
final class StatementRunner {

    /** SQLSTATE of a cancelled statement. */
    private static final String QUERY_CANCELED = "57014";
    private static final Set<String> CATALOG_CHANGES = Set.of("CREATE", "DROP", "ALTER");

    private final ShellSession session;
    private volatile Statement running;
    private volatile boolean cancelRequested;

    StatementRunner(ShellSession session) {
        this.session = session;
    }

    Outcome run(String sql) {
        Console.TypedInputHold typedInput = session.console().holdTypedInput();
        try {
            return execute(sql);
        } finally {
            typedInput.close();
        }
    }

    private Outcome execute(String sql) {
        Console console = session.console();
        PrintWriter messages = console.messages();
        long start = System.nanoTime();
        cancelRequested = false;
        ProgressLine progress = ProgressLine.none();
        try (Statement statement = session.connection().createStatement()) {
            running = statement;
            if (console.canShowProgress()) {
                progress = ProgressLine.start(console.out(), console.styles(), console.width(), start, statement);
            }
            if (statement.execute(sql)) {
                showResult(statement, progress);
            } else {
                progress.stop();
                long changed = statement.getLargeUpdateCount();
                messages.println(console.styles().success("OK")
                        + (changed > 0 ? String.format(Locale.ROOT, ", %,d %s", changed, changed == 1 ? "row" : "rows") : ""));
            }
            if (changesCatalog(sql)) {
                session.catalog().invalidate();
            }
            printTiming(start);
            return Outcome.OK;
        } catch (SQLException e) {
            progress.stop();
            if (cancelRequested && QUERY_CANCELED.equals(e.getSQLState())) {
                messages.println(console.styles().error("Cancelled") + String.format(Locale.ROOT, " after %.1f s.", seconds(start)));
            } else {
                ErrorPrinter.print(messages, console.styles(), sql, e);
            }
            return Outcome.FAILED;
        } catch (RuntimeException | Error e) {
            // An embedded database runs in this process: its bugs must not take the shell down with them.
            progress.stop();
            ErrorPrinter.printUnexpected(messages, console.styles(), e);
            return Outcome.FAILED;
        } finally {
            running = null;
            progress.stop();
        }
    }

    /** Called from another thread (the Ctrl-C handler): cancels the running statement, if there is one. */
    void cancelRunning() {
        Statement statement = running;
        if (statement == null) {
            return;
        }
        cancelRequested = true;
        try {
            statement.cancel();
        } catch (SQLException e) {
            // It finished (or closed) meanwhile: nothing is left to cancel.
        }
    }

    private void showResult(Statement statement, ProgressLine progress) throws SQLException {
        try (ResultSet result = statement.getResultSet()) {
            ResultSetRows rows = new ResultSetRows(result);
            progress.countRowsWith(rows::rowsRead);
            RenderTarget target = session.resultTarget(progress::stop);
            long count = session.renderer().render(rows, target);
            progress.stop();
            // Tables end with their row count; the data formats do not, so a terminal user is told apart.
            boolean countShown = session.resultFile() == null && session.settings().mode() == OutputMode.TABLE;
            if (!countShown && session.console().interactive()) {
                session.messages().println(session.console().styles().dim(
                        String.format(Locale.ROOT, "(%,d %s)", count, count == 1 ? "row" : "rows")));
            }
        }
    }

    private void printTiming(long start) {
        if (!session.settings().timing()) {
            return;
        }
        double milliseconds = (System.nanoTime() - start) / 1e6;
        String text = String.format(Locale.ROOT, "Time: %.3f ms", milliseconds);
        if (milliseconds >= 1000) {
            text += String.format(Locale.ROOT, " (%.1f s)", milliseconds / 1000);
        }
        session.messages().println(session.console().styles().dim(text));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Whether the statement may have added, dropped or renamed something completion knows of. */
    private static boolean changesCatalog(String sql) {
        for (Token token : ScriptTokenizer.tokenize(sql)) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return CATALOG_CHANGES.contains(token.getText().toUpperCase(Locale.ROOT));
            }
        }
        return false;
    }
}
