package io.basalt.optimizer.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets queries use as plain names the words Calcite's grammar reserves but PostgreSQL does not: {@code value}
 * (TPC-H Q11 names a column {@code value}), the date parts {@code year}, {@code month}, {@code day}, … and the
 * type names {@code date}, {@code time}, {@code timestamp} that tables use as column names. Before Calcite parses
 * the text, each such word that is not part of the construct Calcite reserves it for is written as the quoted
 * identifier it means: unquoted names are lower-cased, so {@code Value} becomes {@code "value"}. String constants,
 * quoted identifiers and comments are left alone. Each rewrite adds two characters; {@link #originalColumn} maps
 * error positions back to the text the user wrote.
 *
 * <p>A word stays a keyword where Calcite needs it: date parts after {@code EXTRACT(}, {@code INTERVAL '…'},
 * {@code TO}; {@code NEXT/CURRENT VALUE FOR}; type names in typed literals ({@code DATE '2024-01-01'}), as types
 * ({@code CAST(x AS date)}, {@code x::timestamp}, {@code TIMESTAMP(3)}), and in {@code AT TIME ZONE}; any word
 * directly followed by {@code (} is a function call.
 */
final class NonReservedWords {

    private static final Set<String> WORDS = Set.of("value", "year", "month", "day", "hour", "minute", "second",
            "date", "time", "timestamp");
    /** Words that are also type names: keywords where a type is expected. */
    private static final Set<String> TYPE_NAMES = Set.of("date", "time", "timestamp");
    /** Words after a type name that make it one: {@code TIMESTAMP WITH TIME ZONE}, {@code AT TIME ZONE}. */
    private static final Set<String> TYPE_SUFFIXES = Set.of("with", "without", "zone");
    /**
     * Words after which a date-part word is Calcite's keyword, not a name: {@code EXTRACT(YEAR …)},
     * {@code INTERVAL '3' MONTH}, {@code … TO SECOND}, {@code NEXT VALUE FOR}, {@code CURRENT VALUE FOR}.
     */
    private static final Set<String> KEYWORD_CONTEXTS = Set.of("extract(", "interval", "to", "next", "current");

    private final String text;
    /** Per rewritten word: its line and its column (1-based) in the original text. */
    private final List<int[]> rewrites;

    private NonReservedWords(String text, List<int[]> rewrites) {
        this.text = text;
        this.rewrites = rewrites;
    }

    static NonReservedWords quote(String original) {
        StringBuilder out = new StringBuilder(original.length() + 8);
        List<int[]> rewrites = new ArrayList<>();
        String previousWord = "";
        // Per open parenthesis: whether it is a CAST's, where "AS date" names a type, not a column alias.
        ArrayDeque<Boolean> parentheses = new ArrayDeque<>();
        int line = 1;
        int column = 1;
        int i = 0;
        while (i < original.length()) {
            char c = original.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"') {
                end = QueryText.closingQuote(original, i, c);
            } else if (QueryText.commentEnd(original, i) > i) {
                end = QueryText.commentEnd(original, i);
            } else if (Character.isLetter(c) || c == '_') {
                while (end < original.length() && (Character.isLetterOrDigit(original.charAt(end))
                        || original.charAt(end) == '_' || original.charAt(end) == '$')) {
                    end++;
                }
                String word = original.substring(i, end).toLowerCase(Locale.ROOT);
                boolean inCast = !parentheses.isEmpty() && parentheses.peek();
                if (WORDS.contains(word) && !KEYWORD_CONTEXTS.contains(previousWord) && !isCall(original, end)
                        && !(TYPE_NAMES.contains(word) && isType(original, end, previousWord, inCast))) {
                    out.append('"').append(word).append('"');
                    rewrites.add(new int[] {line, column});
                    column += end - i;
                    previousWord = word;
                    i = end;
                    continue;
                }
                previousWord = word;
            } else if (c == ':' && i + 1 < original.length() && original.charAt(i + 1) == ':') {
                end = i + 2;
                previousWord = "::";
            } else if (c == '(') {
                parentheses.push(previousWord.equals("cast") || previousWord.equals("try_cast"));
                previousWord = previousWord + "(";
            } else if (c == ')') {
                parentheses.poll();
                previousWord = ")";
            } else if (!Character.isWhitespace(c)) {
                previousWord = String.valueOf(c);
            }
            for (int k = i; k < end; k++) {
                char copied = original.charAt(k);
                out.append(copied);
                if (copied == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            i = end;
        }
        return new NonReservedWords(out.toString(), rewrites);
    }

    /**
     * Whether a type-name word is used as a type: before a string ({@code DATE '…'}), after {@code ::}, after a
     * CAST's {@code AS}, or as {@code TIME} of {@code AT TIME ZONE} / {@code WITH TIME ZONE}.
     */
    private static boolean isType(String text, int afterWord, String previousWord, boolean inCast) {
        if (previousWord.equals("::") || (inCast && previousWord.equals("as"))
                || previousWord.equals("at") || previousWord.equals("with") || previousWord.equals("without")) {
            return true;
        }
        int i = afterWord;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '\'') {
            return true;
        }
        int end = i;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return TYPE_SUFFIXES.contains(text.substring(i, end).toLowerCase(Locale.ROOT));
    }

    /** {@code year(x)} is a function call, not a name. */
    private static boolean isCall(String text, int afterWord) {
        int i = afterWord;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    String text() {
        return text;
    }

    /** The column in the original text of a position Calcite reports in the rewritten text. */
    int originalColumn(int line, int column) {
        int original = column;
        for (int[] rewrite : rewrites) {
            // Columns of earlier rewrites on the line, counted in the rewritten text.
            if (rewrite[0] == line && rewrite[1] + 2 * countBefore(rewrite, line) < column) {
                original -= 2;
            }
        }
        return Math.max(1, original);
    }

    private int countBefore(int[] rewrite, int line) {
        int count = 0;
        for (int[] other : rewrites) {
            if (other == rewrite) {
                break;
            }
            if (other[0] == line) {
                count++;
            }
        }
        return count;
    }
}
