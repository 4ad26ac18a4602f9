package io.basalt.parser.ast;

/** One point in the original script: a 0-based character offset and its 1-based line and column. */
public record ScriptPosition(int offset, int line, int column) {

    public ScriptPosition {
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("bad position offset " + offset + ", line " + line + ", column " + column);
        }
    }
}
