package io.basalt.shell.input;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * JLine's view of SQL input. Pressing Enter on a buffer whose statement has no {@code ;} yet asks JLine for
 * another line (the continuation prompt) instead of accepting it, so a multi-line statement is edited,
 * recalled from history and searched with Ctrl-R as one entry. Backslashes are no escapes here: they
 * start meta-commands.
 */
public final class SqlLineParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !InputSplitter.isComplete(line)) {
            throw new EOFError(-1, -1, "the statement does not end with ';' yet", ";");
        }
        return SqlParsedLine.at(line, cursor);
    }

    @Override
    public boolean isEscapeChar(char c) {
        return false;
    }
}
