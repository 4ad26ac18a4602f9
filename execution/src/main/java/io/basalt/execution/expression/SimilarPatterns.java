package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * SQL regular expressions (those of {@code SIMILAR TO} and {@code substring(s FROM pattern FOR escape)}) as
 * {@link Pattern}s, translated as PostgreSQL translates them to its own regular expressions: {@code %} is any text,
 * {@code _} any character (a newline too), {@code | * + ? {m,n} ( ) [...]} are regular-expression syntax, every
 * other character (a dot, {@code ^}, {@code $}, a backslash) stands for itself, and the escape character makes the
 * next one literal. The pattern must match the whole text.
 *
 * <p>The escape character followed by a double quote separates the pattern into up to three parts; the group is the
 * text the middle part matched (no separator: the whole pattern is the middle part; one: the third part is empty).
 * As in PostgreSQL, the first part matches as little text as it can: its quantifiers are made reluctant. A pattern
 * compiles once per distinct pattern and escape in a kernel.
 */
final class SimilarPatterns {

    /** SQLSTATE of more than two separators (PostgreSQL's invalid use of escape character). */
    private static final String INVALID_USE_OF_ESCAPE = "2200C";
    /** SQLSTATE of an escape string longer than one character. */
    private static final String INVALID_ESCAPE_SEQUENCE = "22025";
    private static final String INVALID_REGULAR_EXPRESSION = "2201B";

    private final KernelCache<Pattern> cache = new KernelCache<>(SimilarPatterns::translate);

    /** The pattern with {@code escape} (empty: none) as its escape character; its group 1 is the middle part. */
    Pattern compile(String pattern, String escape) {
        if (escape.codePointCount(0, escape.length()) > 1) {
            throw new ExecutionException(INVALID_ESCAPE_SEQUENCE, "invalid escape string");
        }
        return cache.get(escape + '\u0000' + pattern);
    }

    /** The key's pattern: the escape character (or nothing), a NUL, then the SQL pattern. */
    private static Pattern translate(String key) {
        int separator = key.indexOf('\u0000');
        String escape = key.substring(0, separator);
        String pattern = key.substring(separator + 1);
        StringBuilder[] parts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
        boolean separated = hasSeparator(pattern, escape);
        int part = 0;
        int separators = 0;
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            StringBuilder out = parts[part];
            boolean reluctant = part == 0 && separated;
            if (!escape.isEmpty() && c == escape.charAt(0)) {
                if (++i == pattern.length()) {
                    break; // PostgreSQL drops an escape character that ends the pattern
                }
                char escaped = pattern.charAt(i);
                if (escaped == '"') {
                    if (++separators > 2) {
                        throw new ExecutionException(INVALID_USE_OF_ESCAPE,
                                "SQL regular expression may not contain more than two escape-double-quote separators");
                    }
                    part = separators;
                } else {
                    literal(out, escaped);
                }
            } else if (inBracket) {
                inBracket = bracketCharacter(out, pattern, i);
            } else if (c == '[') {
                out.append('[');
                inBracket = true;
                i = bracketStart(out, pattern, i);
            } else if (c == '%') {
                out.append(".*");
                quantifierEnd(out, reluctant);
            } else if (c == '_') {
                out.append('.');
            } else if (c == '(') {
                out.append("(?:");
            } else if (c == '|' || c == ')' || c == '{' || c == ',') {
                out.append(c);
            } else if (c == '*' || c == '+' || c == '?' || c == '}') {
                out.append(c);
                quantifierEnd(out, reluctant);
            } else {
                literal(out, c);
            }
        }
        // With no separator the whole pattern is the middle part; the parts are moved there.
        String first = separators == 0 ? "" : parts[0].toString();
        String middle = separators == 0 ? parts[0].toString() : parts[1].toString();
        String javaPattern = "(?:" + first + ")(" + middle + ")(?:" + parts[2] + ")";
        try {
            return Pattern.compile(javaPattern, Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new ExecutionException(INVALID_REGULAR_EXPRESSION, "invalid regular expression: " + e.getDescription());
        }
    }

    /** Whether the pattern has an escape-double-quote separator, so that its first part is not its middle. */
    private static boolean hasSeparator(String pattern, String escape) {
        if (escape.isEmpty()) {
            return false;
        }
        for (int i = 0; i < pattern.length() - 1; i++) {
            if (pattern.charAt(i) == escape.charAt(0)) {
                if (pattern.charAt(i + 1) == '"') {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    /** A quantifier of the first part is made reluctant: that part matches as little text as it can. */
    private static void quantifierEnd(StringBuilder out, boolean reluctant) {
        if (reluctant) {
            out.append('?');
        }
    }

    /** After {@code [} at {@code i}: a leading {@code ^} and a leading {@code ]} (literal); returns the last index used. */
    private static int bracketStart(StringBuilder out, String pattern, int i) {
        int next = i + 1;
        if (next < pattern.length() && pattern.charAt(next) == '^') {
            out.append('^');
            next++;
        }
        if (next < pattern.length() && pattern.charAt(next) == ']') {
            out.append("\\]");
            next++;
        }
        return next - 1;
    }

    /** A character inside {@code [...]}: copied, Java's own bracket syntax escaped; whether the bracket goes on. */
    private static boolean bracketCharacter(StringBuilder out, String pattern, int i) {
        char c = pattern.charAt(i);
        if (c == ']') {
            out.append(']');
            return false;
        }
        if (c == '[' || c == '&' || c == '\\') {
            out.append('\\');
        }
        out.append(c);
        return true;
    }

    /** {@code c} standing for itself. */
    private static void literal(StringBuilder out, char c) {
        if (!Character.isLetterOrDigit(c) && c < 128) {
            out.append('\\');
        }
        out.append(c);
    }
}
