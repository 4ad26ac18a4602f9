package io.basalt.parser.ast;

import java.util.Objects;

/**
 * A piece of the script that this parser does not parse but hands on as text: a query or DML statement for
 * Calcite, or a DEFAULT expression for the optimizer. The span says where the text came from, so an error
 * Calcite reports inside the text can be moved back to the script with {@link #locate}.
 */
public record SqlFragment(String text, SourceSpan span) {

    public SqlFragment {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
        if (text.length() != span.length()) {
            throw new IllegalArgumentException("text of length " + text.length() + " does not fill its span " + span);
        }
    }

    /**
     * Translates a 1-based line and column within {@link #text()} (as Calcite reports them) into the
     * position in the original script. A position past the end of a line or of the text is kept as
     * given (parsers report "at end of input" one past the last character).
     */
    public ScriptPosition locate(int lineInText, int columnInText) {
        if (lineInText < 1 || columnInText < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + lineInText + ":" + columnInText);
        }
        int lineStart = 0;
        for (int line = 1; line < lineInText; line++) {
            int newline = text.indexOf('\n', lineStart);
            if (newline < 0) {
                throw new IllegalArgumentException("line " + lineInText + " is past the end of the text");
            }
            lineStart = newline + 1;
        }
        int offset = span.startOffset() + lineStart + columnInText - 1;
        if (lineInText == 1) {
            return new ScriptPosition(offset, span.line(), span.column() + columnInText - 1);
        }
        return new ScriptPosition(offset, span.line() + lineInText - 1, columnInText);
    }
}
