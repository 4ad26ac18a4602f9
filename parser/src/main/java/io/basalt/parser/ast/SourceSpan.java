package io.basalt.parser.ast;

/**
 * A stretch of the original script: offsets count UTF-16 characters from 0 (so {@code
 * script.substring(startOffset, endOffset)} is the text; the end is exclusive), and the 1-based line and
 * column are those of the first character. Columns count characters, as Calcite's do.
 */
public record SourceSpan(int startOffset, int endOffset, int line, int column) {

    public SourceSpan {
        if (startOffset < 0 || endOffset < startOffset) {
            throw new IllegalArgumentException("bad span offsets " + startOffset + ".." + endOffset);
        }
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column start at 1, got " + line + ":" + column);
        }
    }

    public int length() {
        return endOffset - startOffset;
    }

    /** The spanned text of the script this span was taken from. */
    public String textOf(String script) {
        return script.substring(startOffset, endOffset);
    }
}
