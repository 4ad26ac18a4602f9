package io.basalt.parser;

import io.basalt.parser.ast.ScriptPosition;
import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.SqlFragment;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** The script being parsed: turns tokens and parse-tree nodes into spans, fragments and positioned errors. */
final class SourceText {

    /** Messages quote at most this much of a token; an unterminated string can swallow a whole script. */
    private static final int MAX_QUOTED_TOKEN_LENGTH = 40;

    private final String script;
    private final LineIndex lines;

    SourceText(String script) {
        this.script = script;
        this.lines = new LineIndex(script);
    }

    SourceSpan span(ParserRuleContext context) {
        return span(context.getStart(), context.getStop());
    }

    SourceSpan span(Token first, Token last) {
        return lines.span(first.getStartIndex(), last.getStopIndex() + 1);
    }

    SqlFragment fragment(ParserRuleContext context) {
        SourceSpan span = span(context);
        return new SqlFragment(span.textOf(script), span);
    }

    SqlFragment fragment(Token first, Token last) {
        SourceSpan span = span(first, last);
        return new SqlFragment(span.textOf(script), span);
    }

    ScriptPosition position(int offset) {
        return lines.position(offset);
    }

    ParseException error(Token at, String sqlState, String message) {
        return new ParseException(sqlState, message, lines.position(at.getStartIndex()));
    }

    ParseException syntaxError(Token at) {
        return error(at, ParseException.SYNTAX_ERROR, "syntax error at or near " + quoted(at));
    }

    /** The token's text in double quotes, as PostgreSQL's messages show it, shortened if very long. */
    String quoted(Token token) {
        String text = script.substring(token.getStartIndex(), token.getStopIndex() + 1);
        if (text.length() > MAX_QUOTED_TOKEN_LENGTH) {
            text = text.substring(0, MAX_QUOTED_TOKEN_LENGTH) + "...";
        }
        return "\"" + text + "\"";
    }
}
