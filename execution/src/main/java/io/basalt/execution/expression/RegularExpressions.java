package io.basalt.execution.expression;

import io.basalt.execution.ExecutionException;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * PostgreSQL regular expressions as {@link java.util.regex.Pattern}s, compiled once per distinct pattern and
 * flags in a kernel (a constant pattern compiles once per query). PostgreSQL's advanced regular expressions and
 * Java's agree on the everyday syntax; the differences that would silently change a match are translated:
 * bracket classes such as {@code [[:alpha:]]} and the word boundaries {@code \m}, {@code \M}, {@code \y}; a dot
 * matches a newline unless flag {@code n} asks otherwise, as in PostgreSQL.
 */
final class RegularExpressions {

    private static final Map<String, String> CLASSES = Map.ofEntries(Map.entry("alpha", "\\p{IsAlphabetic}"),
            Map.entry("digit", "\\p{IsDigit}"), Map.entry("alnum", "\\p{IsAlphabetic}\\p{IsDigit}"),
            Map.entry("upper", "\\p{IsUppercase}"), Map.entry("lower", "\\p{IsLowercase}"),
            Map.entry("space", "\\s"), Map.entry("punct", "\\p{Punct}"), Map.entry("xdigit", "0-9A-Fa-f"),
            Map.entry("blank", " \\t"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("print", "\\p{Print}"), Map.entry("word", "\\w"));

    private final KernelCache<Pattern> cache = new KernelCache<>(RegularExpressions::translate);

    /** Whether the flags ask for every match ({@code g}) rather than the first. */
    static boolean isGlobal(String flags) {
        return flags.indexOf('g') >= 0;
    }

    /** The pattern with PostgreSQL's flags ({@code i c n s x}, and {@code g} where {@code allowGlobal}). */
    Pattern compile(String pattern, String flags, boolean allowGlobal) {
        if (!allowGlobal && isGlobal(flags)) {
            throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE, "regexp flag \"g\" is not supported here");
        }
        return cache.get(flags + '\u0000' + pattern);
    }

    /** The key's pattern: its flags, a NUL, then the pattern text. */
    private static Pattern translate(String key) {
        int separator = key.indexOf('\u0000');
        String flags = key.substring(0, separator);
        String pattern = key.substring(separator + 1);
        // Only \n ends a line, as in PostgreSQL.
        int options = Pattern.DOTALL | Pattern.UNIX_LINES;
        for (int k = 0; k < flags.length(); k++) {
            char flag = flags.charAt(k);
            switch (flag) {
                case 'i' -> options |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                case 'c' -> options &= ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                case 'n' -> options = (options & ~Pattern.DOTALL) | Pattern.MULTILINE;
                case 's' -> options = (options | Pattern.DOTALL) & ~Pattern.MULTILINE;
                case 'x' -> options |= Pattern.COMMENTS;
                case 'g' -> {
                    // Every match rather than the first: the caller's concern (see isGlobal).
                }
                default -> throw new ExecutionException(ExpressionErrors.INVALID_PARAMETER_VALUE,
                        "invalid regular expression option: \"" + flag + "\"");
            }
        }
        try {
            return Pattern.compile(javaSyntax(pattern, (options & Pattern.MULTILINE) != 0), options);
        } catch (PatternSyntaxException invalid) {
            throw new ExecutionException(ExpressionErrors.INVALID_REGULAR_EXPRESSION,
                    "invalid regular expression: " + invalid.getDescription());
        }
    }

    /**
     * PostgreSQL's spellings Java reads differently: {@code [:class:]} inside brackets, {@code \m \M \y \Y}, and
     * {@code $}, which in Java also matches before a final newline; unless {@code newlineSensitive} (flag n) it
     * matches only at the end, as in PostgreSQL.
     */
    static String javaSyntax(String pattern, boolean newlineSensitive) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        int bracketDepth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (bracketDepth == 0 && next == 'm') {
                    out.append("\\b(?=\\w)");
                } else if (bracketDepth == 0 && next == 'M') {
                    out.append("\\b(?<=\\w)");
                } else if (bracketDepth == 0 && next == 'y') {
                    out.append("\\b");
                } else if (bracketDepth == 0 && next == 'Y') {
                    out.append("\\B");
                } else {
                    out.append(c).append(next);
                }
                continue;
            }
            if (c == '[' && bracketDepth > 0 && pattern.startsWith("[:", i)) {
                int close = pattern.indexOf(":]", i + 2);
                String name = close < 0 ? null : pattern.substring(i + 2, close);
                String translated = name == null ? null : CLASSES.get(name);
                if (translated == null) {
                    throw new ExecutionException(ExpressionErrors.INVALID_REGULAR_EXPRESSION,
                            "invalid regular expression: invalid character class");
                }
                out.append(translated);
                i = close + 1;
                continue;
            }
            if (c == '[') {
                bracketDepth++;
                out.append(c);
                // A ']' right after '[' or '[^' is a literal member, as in POSIX.
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    out.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == ']' && bracketDepth > 0) {
                bracketDepth--;
            }
            if (c == '$' && bracketDepth == 0 && !newlineSensitive) {
                out.append("\\z");
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A PostgreSQL replacement ({@code \1} … {@code \9} groups, {@code \&} the match, {@code \\} a backslash,
     * anything else literal) as a {@link java.util.regex.Matcher#appendReplacement} one.
     */
    static String javaReplacement(String replacement, int groupCount) {
        StringBuilder out = new StringBuilder(replacement.length() + 8);
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\' && i + 1 < replacement.length()) {
                char next = replacement.charAt(i + 1);
                if (next >= '1' && next <= '9') {
                    i++;
                    // A reference to a group the pattern lacks inserts nothing, as in PostgreSQL.
                    if (next - '0' <= groupCount) {
                        out.append('$').append(next);
                    }
                    continue;
                }
                if (next == '&') {
                    i++;
                    out.append("$0");
                    continue;
                }
                if (next == '\\') {
                    i++;
                    out.append("\\\\");
                    continue;
                }
            }
            if (c == '$' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
