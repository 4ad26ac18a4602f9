package io.basalt.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements on {@code ;} outside strings, quoted identifiers, comments and dollar
 * quotes, keeping where each statement starts in the script. It does not parse the statements, so it
 * never fails: an unterminated quote simply runs to the end and leaves the last statement unterminated.
 */
public final class ScriptSplitter {

    private ScriptSplitter() {
    }

    public static List<ScriptStatement> split(String script) {
        LineIndex lines = new LineIndex(script);
        List<ScriptStatement> statements = new ArrayList<>();
        for (StatementTokens tokens : StatementTokens.split(ScriptTokenizer.tokenize(script))) {
            var span = lines.span(tokens.first().getStartIndex(), tokens.last().getStopIndex() + 1);
            statements.add(new ScriptStatement(span.textOf(script), span, tokens.terminated()));
        }
        return List.copyOf(statements);
    }
}
