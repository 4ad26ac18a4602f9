package io.basalt.parser;

import io.basalt.parser.ast.ScriptPosition;
import io.basalt.parser.ast.SourceSpan;
import java.util.Arrays;

/**
 * Turns character offsets of a script into 1-based lines and columns. A line ends at {@code \n} only (a
 * {@code \r} before it is the line's last character), which is how ANTLR and Calcite count too.
 */
final class LineIndex {

    private final int[] lineStarts;
    private final int length;

    LineIndex(String script) {
        int[] starts = new int[16];
        int count = 1; // line 1 starts at offset 0
        for (int i = 0; i < script.length(); i++) {
            if (script.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
        this.length = script.length();
    }

    /** The position of an offset; the offset just past the end of the script is valid ("end of input"). */
    ScriptPosition position(int offset) {
        if (offset < 0 || offset > length) {
            throw new IllegalArgumentException("offset " + offset + " is outside the script of length " + length);
        }
        int found = Arrays.binarySearch(lineStarts, offset);
        int lineIndex = found >= 0 ? found : -found - 2;
        return new ScriptPosition(offset, lineIndex + 1, offset - lineStarts[lineIndex] + 1);
    }

    SourceSpan span(int startOffset, int endOffset) {
        ScriptPosition start = position(startOffset);
        return new SourceSpan(startOffset, endOffset, start.line(), start.column());
    }
}
