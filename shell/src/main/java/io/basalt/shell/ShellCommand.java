package io.basalt.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code basalt shell [--data DIR] [-c SQL] [-f FILE]}: opens an embedded database through the JDBC driver
 * ({@code jdbc:basalt:file:DIR}, so the shell exercises what applications do) and reads commands,
 * interactively (line editing and history through JLine) when standard input is a terminal, else as a
 * script. A script's exit status is 1 when any command failed.
 */
public final class ShellCommand {

    private static final String USAGE = """
            Usage: basalt shell [--data DIR] [-c COMMAND] [-f FILE]

              --data DIR   data directory of the embedded database (default ./basalt-data)
              -c COMMAND   run COMMAND (SQL or a meta-command) and exit
              -f FILE      run the commands in FILE and exit""";

    private ShellCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Path data = Path.of("basalt-data");
        List<String> commands = new ArrayList<>();
        Path script = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            }
            if (i + 1 >= args.length || !(arg.equals("--data") || arg.equals("-c") || arg.equals("-f"))) {
                System.err.println("basalt shell: unknown or incomplete option " + arg + "\n" + USAGE);
                return 2;
            }
            String value = args[++i];
            switch (arg) {
                case "--data" -> data = Path.of(value);
                case "-c" -> commands.add(value);
                default -> script = Path.of(value);
            }
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:basalt:file:" + data.toAbsolutePath());
        } catch (SQLException e) {
            System.err.println("ERROR " + e.getSQLState() + ": " + e.getMessage());
            return 1;
        }
        try (connection) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            ShellSession session = new ShellSession(connection, data.toAbsolutePath().toString(), out);
            if (!commands.isEmpty()) {
                return runScript(session, new java.io.StringReader(String.join("\n", commands)));
            }
            if (script != null) {
                try (Reader reader = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
                    return runScript(session, reader);
                }
            }
            if (System.console() == null) {
                return runScript(session, new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            return runInteractive(session);
        } catch (IOException | SQLException e) {
            System.err.println("ERROR: " + e.getMessage());
            return 1;
        }
    }

    private static int runScript(ShellSession session, Reader input) throws IOException {
        BufferedReader lines = new BufferedReader(input);
        StatementBuffer buffer = new StatementBuffer();
        boolean failed = false;
        String line;
        while ((line = lines.readLine()) != null) {
            ShellSession.Outcome outcome = feed(session, buffer, line);
            if (outcome == ShellSession.Outcome.QUIT) {
                return failed ? 1 : 0;
            }
            failed |= outcome == ShellSession.Outcome.FAILED;
        }
        String rest = buffer.drain();
        if (!rest.isEmpty()) {
            failed |= session.statement(rest) == ShellSession.Outcome.FAILED;
        }
        return failed ? 1 : 0;
    }

    private static int runInteractive(ShellSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("basalt")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".basalt_history"))
                    // Backslash starts meta-commands and '!' is SQL's, so neither may be eaten as an escape
                    // or a history reference.
                    .parser(noEscapes())
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            session.printBanner();
            StatementBuffer buffer = new StatementBuffer();
            while (true) {
                String line;
                try {
                    line = reader.readLine(buffer.isIncomplete() ? "   ...> " : "basalt> ");
                } catch (UserInterruptException e) {
                    buffer.drain(); // Ctrl-C abandons the statement being typed
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (feed(session, buffer, line) == ShellSession.Outcome.QUIT) {
                    return 0;
                }
            }
        }
    }

    private static DefaultParser noEscapes() {
        DefaultParser parser = new DefaultParser();
        parser.setEscapeChars(new char[0]);
        return parser;
    }

    /** Meta-commands are whole lines typed outside a statement; everything else accumulates up to {@code ;}. */
    private static ShellSession.Outcome feed(ShellSession session, StatementBuffer buffer, String line) {
        if (!buffer.isIncomplete() && line.trim().startsWith("\\")) {
            return session.metaCommand(line);
        }
        ShellSession.Outcome result = ShellSession.Outcome.OK;
        for (String statement : buffer.add(line)) {
            if (session.statement(statement) == ShellSession.Outcome.FAILED) {
                result = ShellSession.Outcome.FAILED;
            }
        }
        return result;
    }
}
