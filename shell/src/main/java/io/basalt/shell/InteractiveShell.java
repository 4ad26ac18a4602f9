package io.basalt.shell;

import io.basalt.shell.completion.SqlCompleter;
import io.basalt.shell.input.Command;
import io.basalt.shell.input.InputSplitter;
import io.basalt.shell.input.SplitInput;
import io.basalt.shell.input.SqlHighlighter;
import io.basalt.shell.input.SqlLineParser;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The prompt loop on a terminal, with JLine: multi-line statements (Enter before the {@code ;} continues
 * the statement), history in {@code ~/.basalt_history} searchable with Ctrl-R, completion, highlighting.
 * Ctrl-C while a statement runs cancels it; at the prompt it clears the line, and a second Ctrl-C at an
 * empty prompt exits (so does Ctrl-D or {@code \q}).
 */
final class InteractiveShell {

    static final String PROMPT = "basalt> ";
    /** As wide as the prompt, so continued lines line up with the first. */
    static final String CONTINUATION_PROMPT = "   ...> ";
    private static final int HISTORY_SIZE = 10_000;

    private InteractiveShell() {
    }

    static void run(ShellSession session, Terminal terminal) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("basalt")
                .parser(new SqlLineParser())
                .highlighter(new SqlHighlighter())
                .completer(new SqlCompleter(session::catalog))
                .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".basalt_history"))
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION_PROMPT)
                // '!' is SQL's (!=), not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.CASE_INSENSITIVE, true)
                .option(LineReader.Option.INSERT_TAB, false)
                .build();
        // Outside readLine the terminal delivers Ctrl-C as SIGINT; JLine installs its own handler while it reads.
        terminal.handle(Terminal.Signal.INT, signal -> session.cancelRunningStatement());
        printBanner(session);
        boolean interruptedAtEmptyPrompt = false;
        String buffer = "";
        while (true) {
            String text;
            try {
                text = reader.readLine(PROMPT, null, (Character) null, buffer);
            } catch (UserInterruptException e) {
                buffer = "";
                boolean emptyPrompt = e.getPartialLine() == null || e.getPartialLine().isBlank();
                if (emptyPrompt && interruptedAtEmptyPrompt) {
                    return;
                }
                interruptedAtEmptyPrompt = emptyPrompt;
                if (emptyPrompt) {
                    session.messages().println(session.console().styles().dim("(Ctrl-C again to quit, or \\q)"));
                    session.messages().flush();
                }
                continue;
            } catch (EndOfFileException e) {
                return;
            }
            interruptedAtEmptyPrompt = false;
            SplitInput input = InputSplitter.split(text);
            session.pendingStatement(input.pendingStatement());
            for (Command command : input.commands()) {
                if (session.execute(command) == Outcome.QUIT) {
                    return;
                }
            }
            String edited = session.takeNextInput();
            buffer = edited.isEmpty() ? input.pendingStatement() : edited;
        }
    }

    private static void printBanner(ShellSession session) {
        String version;
        try {
            version = " " + session.connection().getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            version = "";
        }
        session.messages().println("Basalt" + version + " shell, connected to " + session.target().description() + ".");
        session.messages().println("Statements end with ';'. Tab completes, \\help lists commands, \\q quits.");
        session.messages().flush();
    }
}
