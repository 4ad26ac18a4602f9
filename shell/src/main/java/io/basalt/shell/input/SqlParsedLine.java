package io.basalt.shell.input;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;
import org.jline.reader.CompletingParsedLine;

import java.util.List;

/**
 * The buffer as JLine's completion sees it: the whole text, the cursor, and the one word under the cursor
 * that a candidate replaces. In SQL the word is a name (letters, digits, {@code _}, {@code $}), or a whole
 * quoted identifier; a dot ends it, so {@code o.o_ord} completes {@code o_ord} knowing the qualifier. On
 * a meta-command line words are separated by blanks, so {@code \i ~/q1.sql} completes a path.
 */
public record SqlParsedLine(String line, int cursor, int wordStart, int wordEnd) implements CompletingParsedLine {

    /** Finds the word at {@code cursor} in {@code line}. */
    public static SqlParsedLine at(String line, int cursor) {
        int lineStart = line.lastIndexOf('\n', cursor - 1) + 1;
        int lineEnd = line.indexOf('\n', cursor);
        String currentLine = line.substring(lineStart, lineEnd < 0 ? line.length() : lineEnd);
        if (MetaCommand.startsMetaCommand(currentLine)) {
            int start = cursor;
            while (start > lineStart && !Character.isWhitespace(line.charAt(start - 1))) {
                start--;
            }
            return new SqlParsedLine(line, cursor, start, cursor);
        }
        Token quoted = quotedIdentifierAt(line, cursor);
        if (quoted != null) {
            return new SqlParsedLine(line, cursor, quoted.getStartIndex(), quoted.getStopIndex() + 1);
        }
        int start = cursor;
        while (start > 0 && isNameCharacter(line.charAt(start - 1))) {
            start--;
        }
        int end = cursor;
        while (end < line.length() && isNameCharacter(line.charAt(end))) {
            end++;
        }
        return new SqlParsedLine(line, cursor, start, end);
    }

    private static Token quotedIdentifierAt(String line, int cursor) {
        for (Token token : ScriptTokenizer.tokenize(line)) {
            boolean quoted = token.getType() == BasaltLexer.QUOTED_IDENTIFIER
                    || token.getType() == BasaltLexer.UNTERMINATED_QUOTED_IDENTIFIER;
            if (quoted && token.getStartIndex() < cursor && cursor <= token.getStopIndex() + 1) {
                return token;
            }
            if (token.getStartIndex() >= cursor) {
                break;
            }
        }
        return null;
    }

    static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    @Override
    public String word() {
        return line.substring(wordStart, wordEnd);
    }

    @Override
    public int wordCursor() {
        return cursor - wordStart;
    }

    /** JLine needs an index into {@link #words()}; nothing in the shell looks at the other words. */
    @Override
    public int wordIndex() {
        return 0;
    }

    @Override
    public List<String> words() {
        return List.of(word());
    }

    /** Candidates are inserted as they are: names that need quotes come quoted from the completer. */
    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
        return candidate;
    }

    @Override
    public int rawWordCursor() {
        return wordCursor();
    }

    @Override
    public int rawWordLength() {
        return wordEnd - wordStart;
    }
}
