package io.basalt.optimizer.sql;

import java.util.Locale;
import java.util.Set;

/**
 * Lets Calcite's parser take PostgreSQL's interval constants, {@code interval '1 month'} and {@code '3 days'::interval},
 * whose text says the units: Calcite's grammar wants the units after the string ({@code INTERVAL '1' MONTH}) and has no
 * {@code ::interval}. Before parsing, each such constant is written as a parenthesized call of a marker function with
 * the string as its argument, which {@link PostgresSpellings} then turns into the interval it means
 * ({@link PostgresInterval}). The parentheses make it a primary expression that a window frame bound takes too.
 *
 * <p>The call takes exactly as many characters as the constant did, so every position after it stays where the
 * user wrote it and errors need no mapping back: {@code interval '…'} becomes {@code ("$i" ('…'))} (the blanks
 * between word and string are kept, line breaks too) and {@code '…'::interval} becomes {@code ("$c"('…'))} followed
 * by blanks. Strings, quoted names and comments are left alone, and so is {@code INTERVAL '3' MONTH}, which has its
 * units after the string.
 */
final class IntervalConstants {

    /** The call that stands for {@code interval '…'}; a quoted name no query would use. */
    static final String KEYWORD_MARKER = "$i";
    /** The call that stands for {@code '…'::interval}. */
    static final String CAST_MARKER = "$c";
    private static final String KEYWORD = "interval";
    /** Words after the string that make {@code INTERVAL '…'} Calcite's (and standard SQL's) form. */
    private static final Set<String> UNITS = Set.of("year", "month", "day", "hour", "minute", "second");

    private IntervalConstants() {
    }

    static String mark(String original) {
        return new Marking(original).run();
    }

    /** Whether {@code name} is one of the markers. */
    static boolean isMarker(String name) {
        return name.equals(KEYWORD_MARKER) || name.equals(CAST_MARKER);
    }

    /**
     * The column the user wrote the string at, from the column of the string in the marked text: {@code interval '…'}
     * moved it two to the left, {@code '…'::interval} six to the right.
     */
    static int originalStringColumn(String marker, int column) {
        return marker.equals(KEYWORD_MARKER) ? column + 2 : column - 6;
    }

    /** One pass over the text, copying it and writing the constants as calls. */
    private static final class Marking {
        private final String text;
        private final StringBuilder out;
        /** How far the text has been copied to {@code out}. */
        private int copied;

        Marking(String text) {
            this.text = text;
            this.out = new StringBuilder(text.length());
        }

        String run() {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                int commentEnd = QueryText.commentEnd(text, i);
                if (commentEnd > i) {
                    i = commentEnd;
                } else if (c == '"') {
                    i = QueryText.closingQuote(text, i, c);
                } else if (c == '\'') {
                    i = castString(i);
                } else if (Character.isLetter(c) || c == '_') {
                    i = word(i);
                } else {
                    i++;
                }
            }
            out.append(text, copied, text.length());
            return out.toString();
        }

        /** A word at {@code start}: if it is {@code interval} before a string without units, the constant is marked. */
        private int word(int start) {
            int end = wordEnd(text, start);
            if ((start > 0 && text.charAt(start - 1) == '.') || !text.substring(start, end).toLowerCase(Locale.ROOT).equals(KEYWORD)) {
                return end;
            }
            int stringStart = afterBlanks(text, end);
            if (stringStart >= text.length() || text.charAt(stringStart) != '\'') {
                return end;
            }
            int stringEnd = QueryText.closingQuote(text, stringStart, '\'');
            if (UNITS.contains(nextWord(text, stringEnd))) {
                return stringEnd;
            }
            // "interval" is 8 characters, as are "(\"$i\"" + "(" before the string and "))" after it.
            replace(start, stringEnd, "(\"" + KEYWORD_MARKER + "\"" + text.substring(end, stringStart) + "("
                    + text.substring(stringStart, stringEnd) + "))");
            return stringEnd;
        }

        /** A string at {@code start}: if {@code ::interval} follows, it is marked. Returns where scanning goes on. */
        private int castString(int start) {
            int stringEnd = QueryText.closingQuote(text, start, '\'');
            int cast = afterBlanks(text, stringEnd);
            if (!text.startsWith("::", cast)) {
                return stringEnd;
            }
            int typeStart = afterBlanks(text, cast + 2);
            int typeEnd = typeStart < text.length() && Character.isLetter(text.charAt(typeStart)) ? wordEnd(text, typeStart) : typeStart;
            if (!text.substring(typeStart, typeEnd).toLowerCase(Locale.ROOT).equals(KEYWORD)
                    || UNITS.contains(nextWord(text, typeEnd)) || text.substring(stringEnd, typeEnd).contains("\n")) {
                return stringEnd;
            }
            // "::interval" is at least 10 characters: 8 for the call around the string, the rest blanks.
            String call = "(\"" + CAST_MARKER + "\"(" + text.substring(start, stringEnd) + "))";
            replace(start, typeEnd, call + " ".repeat(typeEnd - start - call.length()));
            return typeEnd;
        }

        private void replace(int start, int end, String replacement) {
            out.append(text, copied, start).append(replacement);
            copied = end;
        }
    }

    private static int wordEnd(String text, int start) {
        int end = start + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                || text.charAt(end) == '$')) {
            end++;
        }
        return end;
    }

    private static int afterBlanks(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The word (lower case) after blanks from {@code from}, or "" if something else comes next. */
    private static String nextWord(String text, int from) {
        int start = afterBlanks(text, from);
        if (start >= text.length() || !Character.isLetter(text.charAt(start))) {
            return "";
        }
        return text.substring(start, wordEnd(text, start)).toLowerCase(Locale.ROOT);
    }
}
