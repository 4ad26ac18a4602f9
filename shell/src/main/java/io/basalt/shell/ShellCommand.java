package io.basalt.shell;

import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code basalt shell}: connects through the JDBC driver (an embedded database by default, so the shell
 * exercises what applications do) and runs commands from {@code -c} and {@code -f}, from a terminal
 * interactively, or from a pipe as a script. The exit status is 0 when everything ran, 1 when a statement
 * or the connection failed, 2 for a wrong command line.
 */
public final class ShellCommand {

    private ShellCommand() {
    }

    public static void main(String[] args) {
        int status = run(args, System.in, System.out, System.err);
        System.exit(status);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        ShellOptions options;
        try {
            options = ShellOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("basalt shell: " + e.getMessage());
            err.println(ShellOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(ShellOptions.USAGE);
            return 0;
        }
        boolean interactive = options.scripts().isEmpty() && in == System.in && standardStreamsAreTerminals();
        if (!interactive) {
            PrintWriter results = new PrintWriter(out, true, StandardCharsets.UTF_8);
            PrintWriter messages = new PrintWriter(err, true, StandardCharsets.UTF_8);
            return runScripts(options, Console.forStreams(results, messages), in);
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            Console console = Console.forTerminal(terminal);
            try (ShellSession session = connect(options, console, true)) {
                if (session == null) {
                    return 1;
                }
                InteractiveShell.run(session, terminal);
                return 0;
            }
        } catch (IOException e) {
            err.println("basalt shell: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    private static int runScripts(ShellOptions options, Console console, InputStream in) {
        try (ShellSession session = connect(options, console, false)) {
            if (session == null) {
                return 1;
            }
            boolean unreadable = false;
            if (options.scripts().isEmpty()) {
                new ScriptRunner(session).run(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (ShellOptions.ScriptSource script : options.scripts()) {
                Outcome outcome;
                try (Reader reader = script.text().isPresent() ? new StringReader(script.text().get())
                        : Files.newBufferedReader(script.file().orElseThrow(), StandardCharsets.UTF_8)) {
                    outcome = new ScriptRunner(session).run(reader);
                } catch (IOException e) {
                    console.messages().println("ERROR: cannot read " + script.file().orElseThrow() + ": " + e.getMessage());
                    outcome = Outcome.FAILED;
                    unreadable = true;
                }
                if (outcome == Outcome.QUIT) {
                    break;
                }
            }
            return session.anyFailed() || unreadable ? 1 : 0;
        } catch (IOException e) {
            console.messages().println("ERROR: cannot read standard input: " + e.getMessage());
            return 1;
        } finally {
            console.flush();
        }
    }

    /**
     * Whether standard input and output are a terminal. Up to JDK 21 {@code System.console()} is null
     * otherwise; JDK 22 may return a console for redirected streams too and added {@code isTerminal()},
     * which is asked for reflectively because the code compiles for 17.
     */
    private static boolean standardStreamsAreTerminals() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** The session, or null (the error printed) when the database cannot be reached. */
    private static ShellSession connect(ShellOptions options, Console console, boolean interactive) {
        Connection connection;
        try {
            connection = options.target().open();
        } catch (SQLException e) {
            ErrorPrinter.print(console.messages(), console.styles(), null, e);
            console.flush();
            return null;
        }
        // Timing is on at the prompt; scripts print only their results unless they ask (\timing on).
        ShellSettings settings = new ShellSettings(interactive, options.format(), options.echo());
        return new ShellSession(connection, options.target(), console, settings);
    }
}
