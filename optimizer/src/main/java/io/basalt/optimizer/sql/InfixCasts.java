package io.basalt.optimizer.sql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives PostgreSQL's {@code ::} cast its precedence. In PostgreSQL {@code ::} binds tighter than any operator:
 * {@code a = b::int} compares {@code a} with {@code b::int}. Calcite's Babel grammar (1.42) applies it to everything
 * parsed before it in the expression instead, so that query meant {@code (a = b)::int}. Before Calcite parses the
 * text, each cast is therefore put in parentheses together with its operand, the primary expression just before
 * {@code ::}: a name ({@code t.a}), a constant (also {@code DATE '…'} and {@code E'…'}), a parameter, a function
 * call, a parenthesized expression, a CASE, or a cast itself ({@code x::int::text}). The type is the words and
 * parenthesized modifiers after {@code ::} ({@code double precision}, {@code numeric(10,2)}).
 *
 * <p>Strings, quoted names and comments are left alone; {@link #originalColumn} maps error positions back to the
 * text the user wrote.
 */
final class InfixCasts {

    /** Words after which a parenthesis opens a list or a subquery, not a function's arguments. */
    private static final Set<String> NOT_FUNCTIONS = Set.of("select", "where", "and", "or", "not", "in", "on", "when",
            "then", "else", "as", "by", "having", "exists", "from", "join", "any", "all", "some", "values", "using",
            "is", "like", "ilike", "similar", "between", "over", "filter", "lateral", "distinct", "union", "intersect",
            "except", "limit", "offset", "with", "within", "escape", "group", "order");
    /** Words that make a following string one typed constant: {@code DATE '2024-01-01'::text}. */
    private static final Set<String> CONSTANT_PREFIXES = Set.of("date", "time", "timestamp", "interval");
    /** Words that continue a type name: {@code double precision}, {@code character varying}. */
    private static final Set<String> TYPE_CONTINUATIONS = Set.of("precision", "varying", "without", "with", "time",
            "zone");

    /** One inserted parenthesis: where it went in the original text. */
    private record Insertion(int line, int column) {
    }

    /** A place in the rewritten text, and the same place in the original text. */
    private record Mark(int offset, int line, int column) {
    }

    private final String text;
    private final List<Insertion> insertions;

    private InfixCasts(String text, List<Insertion> insertions) {
        this.text = text;
        this.insertions = insertions.stream()
                .sorted(Comparator.comparingInt(Insertion::line).thenComparingInt(Insertion::column)).toList();
    }

    static InfixCasts group(String original) {
        return new Grouping(original).run();
    }

    String text() {
        return text;
    }

    /** The column in the original text of a position Calcite reports in the rewritten text. */
    int originalColumn(int line, int column) {
        int original = column;
        int inserted = 0;
        for (Insertion insertion : insertions) {
            if (insertion.line() == line) {
                // Where this parenthesis is in the rewritten line: after the ones inserted before it.
                if (insertion.column() + inserted < column) {
                    original--;
                }
                inserted++;
            }
        }
        return Math.max(1, original);
    }

    /** One pass over the text, copying it and inserting the parentheses. */
    private static final class Grouping {

        private final String original;
        private final StringBuilder out;
        private final List<Insertion> insertions = new ArrayList<>();
        /** Per open parenthesis or CASE: where the expression it belongs to starts. */
        private final Deque<Mark> groups = new ArrayDeque<>();
        private int position;
        private int line = 1;
        private int column = 1;
        /** Where the last complete primary expression starts, or null when the last token ends none. */
        private Mark operand;
        /** The last word (lower case) if the last token was a word, else null. */
        private String lastWord;
        private int lastWordEnd = -1;
        private boolean lastWasDot;

        Grouping(String original) {
            this.original = original;
            this.out = new StringBuilder(original.length() + 8);
        }

        InfixCasts run() {
            while (position < original.length()) {
                char c = original.charAt(position);
                int commentEnd = QueryText.commentEnd(original, position);
                if (commentEnd > position || Character.isWhitespace(c)) {
                    copyTo(Math.max(commentEnd, position + 1));
                } else if (c == ':' && position + 1 < original.length() && original.charAt(position + 1) == ':') {
                    cast();
                } else if (c == '\'' || c == '"') {
                    token(QueryText.closingQuote(original, position, c), c == '\'' ? Token.STRING : Token.WORD);
                } else if (Character.isDigit(c) || (c == '.' && nextIsDigit())) {
                    token(numberEnd(), Token.WORD);
                } else if (Character.isLetter(c) || c == '_' || c == '$') {
                    token(wordEnd(position), Token.WORD);
                } else if (c == '(') {
                    open(lastWord != null && !NOT_FUNCTIONS.contains(lastWord) ? operand : here());
                    token(position + 1, Token.OTHER);
                } else if (c == ')') {
                    Mark start = groups.poll();
                    token(position + 1, Token.OTHER);
                    operand = start;
                } else if (c == '.') {
                    token(position + 1, Token.DOT);
                } else if (c == '?') {
                    Mark start = here();
                    token(position + 1, Token.OTHER);
                    operand = start;
                } else {
                    token(position + 1, Token.OTHER);
                    operand = null;
                }
            }
            return new InfixCasts(out.toString(), insertions);
        }

        private enum Token { WORD, STRING, DOT, OTHER }

        /** Copies one token and keeps track of the operand it starts or continues. */
        private void token(int end, Token kind) {
            Mark start = here();
            String word = kind == Token.WORD ? original.substring(position, end).toLowerCase(Locale.ROOT) : null;
            boolean continuesName = lastWasDot && operand != null;
            // E'…', X'…' (a one-letter prefix right before the quote) and DATE '…' are one constant.
            boolean typedConstant = kind == Token.STRING && lastWord != null
                    && ((lastWordEnd == position && lastWord.length() == 1) || CONSTANT_PREFIXES.contains(lastWord));
            copyTo(end);
            if (kind == Token.WORD && word.equals("case")) {
                open(start);
            } else if (kind == Token.WORD && word.equals("end") && !groups.isEmpty()) {
                operand = groups.pop();
            } else if (kind == Token.WORD || kind == Token.STRING) {
                operand = continuesName || typedConstant ? operand : start;
            }
            lastWord = word;
            lastWordEnd = kind == Token.WORD ? end : -1;
            lastWasDot = kind == Token.DOT;
        }

        private void open(Mark start) {
            groups.push(start == null ? here() : start);
        }

        /** {@code ::type}: parentheses around the operand and the cast. */
        private void cast() {
            if (operand == null) {
                copyTo(position + 2);
                return;
            }
            Mark start = operand;
            out.insert(start.offset(), '(');
            insertions.add(new Insertion(start.line(), start.column()));
            copyTo(position + 2);
            copyType();
            insertions.add(new Insertion(line, column));
            out.append(')');
            operand = start;
            lastWord = null;
            lastWasDot = false;
        }

        /** Copies the type after {@code ::}: words that continue a type name, and modifiers in parentheses. */
        private void copyType() {
            boolean first = true;
            while (position < original.length()) {
                // Blanks are copied only with a part of the type after them, so the parenthesis closes right after it.
                int next = afterBlanks(position);
                if (next >= original.length()) {
                    return;
                }
                char c = original.charAt(next);
                if (c == '(' && !first) {
                    copyTo(closingParenthesis(next));
                } else if (c == '"' && first) {
                    copyTo(QueryText.closingQuote(original, next, c));
                } else if ((Character.isLetter(c) || c == '_')
                        && (first || TYPE_CONTINUATIONS.contains(original.substring(next, wordEnd(next)).toLowerCase(Locale.ROOT)))) {
                    copyTo(wordEnd(next));
                } else {
                    return;
                }
                first = false;
            }
        }

        private Mark here() {
            return new Mark(out.length(), line, column);
        }

        /** Copies the original text up to {@code end}, counting lines and columns. */
        private void copyTo(int end) {
            for (; position < end; position++) {
                char c = original.charAt(position);
                out.append(c);
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        }

        private boolean nextIsDigit() {
            return position + 1 < original.length() && Character.isDigit(original.charAt(position + 1));
        }

        private int wordEnd(int start) {
            int end = start + 1;
            while (end < original.length() && (Character.isLetterOrDigit(original.charAt(end))
                    || original.charAt(end) == '_' || original.charAt(end) == '$')) {
                end++;
            }
            return end;
        }

        /** {@code digits [. digits] [e [+-] digits]}, or {@code . digits …}. */
        private int numberEnd() {
            int end = position;
            while (end < original.length() && (Character.isDigit(original.charAt(end)) || original.charAt(end) == '.')) {
                end++;
            }
            if (end < original.length() && (original.charAt(end) == 'e' || original.charAt(end) == 'E')) {
                int exponent = end + 1;
                if (exponent < original.length() && (original.charAt(exponent) == '+' || original.charAt(exponent) == '-')) {
                    exponent++;
                }
                if (exponent < original.length() && Character.isDigit(original.charAt(exponent))) {
                    end = exponent;
                    while (end < original.length() && Character.isDigit(original.charAt(end))) {
                        end++;
                    }
                }
            }
            return end;
        }

        private int afterBlanks(int from) {
            int i = from;
            while (i < original.length() && Character.isWhitespace(original.charAt(i))) {
                i++;
            }
            return i;
        }

        private int closingParenthesis(int open) {
            int depth = 0;
            for (int i = open; i < original.length(); i++) {
                if (original.charAt(i) == '(') {
                    depth++;
                } else if (original.charAt(i) == ')' && --depth == 0) {
                    return i + 1;
                }
            }
            return original.length();
        }
    }
}
