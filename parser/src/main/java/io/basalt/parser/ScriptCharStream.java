package io.basalt.parser;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The script as ANTLR input, indexed by UTF-16 character rather than by code point (what {@code
 * CharStreams.fromString} does), so that token offsets are Java string offsets and columns count
 * characters as Calcite's do. A character outside the Basic Multilingual Plane is two characters here;
 * the lexer accepts both halves wherever it accepts non-ASCII text.
 */
final class ScriptCharStream implements CharStream {

    private final String text;
    private int index;

    ScriptCharStream(String text) {
        this.text = text;
    }

    @Override
    public int LA(int offset) {
        if (offset == 0) {
            return 0; // undefined by the IntStream contract
        }
        int position = offset > 0 ? index + offset - 1 : index + offset;
        if (position < 0 || position >= text.length()) {
            return IntStream.EOF;
        }
        return text.charAt(position);
    }

    @Override
    public void consume() {
        if (index >= text.length()) {
            throw new IllegalStateException("cannot consume past the end of the script");
        }
        index++;
    }

    @Override
    public int mark() {
        return -1; // the whole text is in memory, nothing to hold on to
    }

    @Override
    public void release(int marker) {
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public void seek(int target) {
        index = Math.min(Math.max(target, 0), text.length());
    }

    @Override
    public int size() {
        return text.length();
    }

    @Override
    public String getSourceName() {
        return IntStream.UNKNOWN_SOURCE_NAME;
    }

    @Override
    public String getText(Interval interval) {
        int start = Math.max(interval.a, 0);
        int stop = Math.min(interval.b, text.length() - 1);
        if (start > stop) {
            return "";
        }
        return text.substring(start, stop + 1);
    }
}
