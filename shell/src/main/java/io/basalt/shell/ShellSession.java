package io.basalt.shell;

import io.basalt.shell.catalog.CatalogCache;
import io.basalt.shell.catalog.CatalogReader;
import io.basalt.shell.input.Command;
import io.basalt.shell.input.MetaCommand;
import io.basalt.shell.input.SqlCommand;
import io.basalt.shell.render.RenderTarget;
import io.basalt.shell.render.ResultRenderer;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One shell's state: the connection (which {@code \c} replaces), the catalog cache completion reads, the
 * settings, where results go ({@code \o}), and the statement texts {@code \e} edits. Commands are run by
 * {@link StatementRunner} and {@link MetaCommands}; this class only routes them.
 */
final class ShellSession implements AutoCloseable {

    private final Console console;
    private final ShellSettings settings;
    private final StatementRunner statements;
    private final MetaCommands metaCommands;
    private Connection connection;
    private ConnectionTarget target;
    private volatile CatalogCache catalog;
    private ResultFile resultFile;
    private String lastStatement = "";
    private String pendingStatement = "";
    private String nextInput = "";
    private boolean anyFailed;

    ShellSession(Connection connection, ConnectionTarget target, Console console, ShellSettings settings) {
        this.console = console;
        this.settings = settings;
        this.statements = new StatementRunner(this);
        this.metaCommands = new MetaCommands(this);
        use(connection, target);
    }

    Outcome execute(Command command) {
        if (settings.echo()) {
            console.out().println(command instanceof SqlCommand ? command.text() + ";" : command.text());
        }
        try {
            Outcome outcome;
            if (command instanceof SqlCommand) {
                lastStatement = command.text();
                outcome = statements.run(command.text());
            } else {
                outcome = metaCommands.run((MetaCommand) command);
            }
            anyFailed |= outcome == Outcome.FAILED;
            return outcome;
        } finally {
            console.flush();
            if (resultFile != null) {
                resultFile.writer().flush();
            }
        }
    }

    /** Whether any command has failed, which makes a script's exit status 1 even if it ends with {@code \q}. */
    boolean anyFailed() {
        return anyFailed;
    }

    /** Replaces the connection (closing the old one) and forgets what completion knew of the old database. */
    void use(Connection newConnection, ConnectionTarget newTarget) {
        Connection old = connection;
        connection = newConnection;
        target = newTarget;
        catalog = new CatalogCache(new CatalogReader(newConnection), defaultSchemaOf(newConnection));
        if (old != null) {
            try {
                old.close();
            } catch (SQLException e) {
                // The old connection is being dropped; nothing useful can be done with its error.
            }
        }
    }

    /**
     * Where a result goes: the {@code \o} file (whole, plain), or the console fitted to the terminal.
     * {@code beforeOutput} runs before the first output to the console; writing a file leaves the screen,
     * and so the progress line, alone.
     */
    RenderTarget resultTarget(Runnable beforeOutput) {
        if (resultFile != null) {
            return RenderTarget.plain(resultFile.writer());
        }
        int maxRows = console.interactive() ? Console.TERMINAL_MAX_ROWS : 0;
        return new RenderTarget(console.out(), console.width(), maxRows, console.styles(), beforeOutput);
    }

    ResultRenderer renderer() {
        return settings.expanded().rendererFor(settings.mode());
    }

    /** Sends results to {@code file} from now on, or back to the console with {@code null}. */
    void resultFile(ResultFile file) {
        if (resultFile != null) {
            resultFile.close();
        }
        resultFile = file;
    }

    ResultFile resultFile() {
        return resultFile;
    }

    /** Cancels the statement running now, if any; called from the Ctrl-C signal handler's thread. */
    void cancelRunningStatement() {
        statements.cancelRunning();
    }

    Connection connection() {
        return connection;
    }

    ConnectionTarget target() {
        return target;
    }

    CatalogCache catalog() {
        return catalog;
    }

    Console console() {
        return console;
    }

    ShellSettings settings() {
        return settings;
    }

    PrintWriter messages() {
        return console.messages();
    }

    String lastStatement() {
        return lastStatement;
    }

    /** The statement typed but not finished when a meta-command ran (psql's query buffer), for {@code \e}. */
    String pendingStatement() {
        return pendingStatement;
    }

    void pendingStatement(String statement) {
        pendingStatement = statement;
    }

    /** Text to put in the next prompt's buffer (what {@code \e} produced), taken once. */
    String takeNextInput() {
        String input = nextInput;
        nextInput = "";
        return input;
    }

    void nextInput(String input) {
        nextInput = input;
    }

    @Override
    public void close() {
        resultFile(null);
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing at exit: the process ends either way.
        }
    }

    private static String defaultSchemaOf(Connection connection) {
        try {
            String schema = connection.getSchema();
            return schema == null ? "main" : schema;
        } catch (SQLException e) {
            return "main";
        }
    }
}
