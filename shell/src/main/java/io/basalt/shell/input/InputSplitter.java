package io.basalt.shell.input;

import io.basalt.parser.ScriptSplitter;
import io.basalt.parser.ScriptStatement;
import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts input into commands line by line, as psql does. A line that starts with a backslash is a
 * meta-command, unless it continues a string or comment an earlier line opened; every other line adds to
 * the pending statement. Where statements end is decided by the parser's {@link ScriptSplitter}, so a
 * {@code ;} inside a string, quoted identifier, comment or dollar quote ends nothing, exactly as the
 * database will see it.
 *
 * <p>A meta-command typed while a statement is pending leaves that statement pending (psql's query buffer):
 * {@code \e} can then edit it, and the next lines can still finish it.
 */
public final class InputSplitter {

    private final StringBuilder pending = new StringBuilder();
    private boolean lastLineWasMetaCommand;

    /** Adds one line (without its line break) and returns the commands it completed, possibly none. */
    public List<Command> addLine(String line) {
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        lastLineWasMetaCommand = MetaCommand.startsMetaCommand(text) && !continuesQuotedText();
        if (lastLineWasMetaCommand) {
            return List.of(MetaCommand.parse(text));
        }
        if (pending.length() > 0) {
            pending.append('\n');
        }
        pending.append(text);
        // Only a ';' ends a statement, so a line without one cannot complete anything: long statements typed
        // or piped line by line are not lexed again for every line.
        return text.indexOf(';') < 0 ? List.of() : takeTerminatedStatements();
    }

    /** The unfinished statement, or "" when what is pending holds no statement (blank lines, comments). */
    public String pendingStatement() {
        String text = pending.toString();
        return ScriptSplitter.split(text).isEmpty() ? "" : text.strip();
    }

    /** At the end of the input: the last statement even without its {@code ;} (as psql and DuckDB run it). */
    public List<Command> finish() {
        List<Command> commands = new ArrayList<>();
        for (ScriptStatement statement : ScriptSplitter.split(pending.toString())) {
            commands.add(new SqlCommand(statement.text()));
        }
        pending.setLength(0);
        return commands;
    }

    /**
     * Splits a whole edited buffer (what the interactive reader accepted): the commands it holds, the
     * unfinished statement, and whether the buffer ended with a meta-command line.
     */
    public static SplitInput split(String text) {
        InputSplitter splitter = new InputSplitter();
        List<Command> commands = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            commands.addAll(splitter.addLine(line));
        }
        return new SplitInput(commands, splitter.pendingStatement(), splitter.lastLineWasMetaCommand);
    }

    /**
     * Whether the interactive reader may accept the buffer: every statement in it ends with {@code ;}, or its
     * last line is a meta-command (which runs at once, as in psql). Otherwise Enter starts another line.
     */
    public static boolean isComplete(String text) {
        SplitInput split = split(text);
        return split.pendingStatement().isEmpty() || split.endsWithMetaCommand();
    }

    private List<Command> takeTerminatedStatements() {
        String text = pending.toString();
        List<Command> commands = new ArrayList<>();
        int restStart = text.length();
        for (ScriptStatement statement : ScriptSplitter.split(text)) {
            if (statement.terminated()) {
                commands.add(new SqlCommand(statement.text()));
            } else {
                restStart = statement.span().startOffset(); // only the last statement can be open
            }
        }
        pending.delete(0, restStart);
        return commands;
    }

    /** True when the pending text ends inside a string, quoted identifier, comment or dollar quote. */
    private boolean continuesQuotedText() {
        if (pending.toString().isBlank()) {
            return false;
        }
        List<Token> tokens = ScriptTokenizer.tokenize(pending + "\n");
        return !tokens.isEmpty() && TokenCategory.of(tokens.get(tokens.size() - 1)) == TokenCategory.UNTERMINATED;
    }
}
