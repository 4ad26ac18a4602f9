package io.basalt.shell.input;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the input as it is typed, token by token with the database's own lexer: keywords, strings,
 * numbers, comments, quoted names and parameters. A string or comment not closed yet is coloured to the end,
 * which shows at a glance why Enter gives a continuation prompt. Meta-command names stand out on their own.
 */
public final class SqlHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.italic().foreground(AttributedStyle.BRIGHT);
    static final AttributedStyle QUOTED_NAME = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle PARAMETER = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle META_COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    public static AttributedString highlight(String buffer) {
        AttributedStringBuilder styled = new AttributedStringBuilder(buffer.length());
        if (MetaCommand.startsMetaCommand(buffer) && buffer.indexOf('\n') < 0) {
            int nameEnd = buffer.stripLeading().indexOf(' ');
            int split = nameEnd < 0 ? buffer.length() : buffer.length() - buffer.stripLeading().length() + nameEnd;
            styled.styled(META_COMMAND, buffer.substring(0, split)).append(buffer.substring(split));
            return styled.toAttributedString();
        }
        int written = 0;
        for (Token token : ScriptTokenizer.tokenize(buffer)) {
            int start = token.getStartIndex();
            int end = token.getStopIndex() + 1;
            if (start < written) {
                continue; // never expected: the lexer covers the text once, in order
            }
            styled.append(buffer, written, start);
            styled.styled(styleOf(token, buffer), buffer.substring(start, end));
            written = end;
        }
        styled.append(buffer, written, buffer.length());
        return styled.toAttributedString();
    }

    private static AttributedStyle styleOf(Token token, String buffer) {
        return switch (TokenCategory.of(token)) {
            case KEYWORD -> KEYWORD;
            case STRING -> STRING;
            case NUMBER -> NUMBER;
            case COMMENT -> COMMENT;
            case QUOTED_IDENTIFIER -> QUOTED_NAME;
            case PARAMETER -> PARAMETER;
            case UNTERMINATED -> unterminatedStyle(buffer.charAt(token.getStartIndex()));
            default -> AttributedStyle.DEFAULT;
        };
    }

    /** An open quote or comment keeps the colour it will have once closed. */
    private static AttributedStyle unterminatedStyle(char first) {
        return switch (first) {
            case '"' -> QUOTED_NAME;
            case '/' -> COMMENT;
            default -> STRING; // ', E' and $tag$
        };
    }
}
