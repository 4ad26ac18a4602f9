package io.basalt.jdbc;

/**
 * Reads a statement's text the way the server's lexer would, without parsing it: which characters are SQL code and
 * which are inside a string literal, a quoted identifier, a dollar-quoted string or a comment. The driver uses it
 * to count the {@code ?} parameter markers of a statement the session did not analyse
 * ({@link io.basalt.jdbc.spi.UnanalyzedPreparedHandle}), so that parameter indexes can be checked and a missing value
 * reported before the statement runs, and to find an INSERT's RETURNING clause ({@link GeneratedKeyRequest}).
 */
final class SqlTextScanner {

    private SqlTextScanner() {
    }

    /** The {@code ?} markers outside literals, quoted identifiers and comments. */
    static int countPlaceholders(String sql) {
        boolean[] code = codeCharacters(sql);
        int count = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (code[i] && sql.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }

    /** For each character of {@code sql}, whether it is code rather than part of a literal, quoted name or comment. */
    static boolean[] codeCharacters(String sql) {
        boolean[] code = new boolean[sql.length()];
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipQuoted(sql, i, c);
            } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                i = skipLineComment(sql, i);
            } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                i = skipBlockComment(sql, i);
            } else if (c == '$' && startsDollarQuote(sql, i)) {
                i = skipDollarQuoted(sql, i);
            } else {
                code[i] = true;
                i++;
            }
        }
        return code;
    }

    /** Past the closing quote; a doubled quote inside is an escaped quote. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipLineComment(String sql, int start) {
        int end = sql.indexOf('\n', start);
        return end < 0 ? sql.length() : end + 1;
    }

    private static int skipBlockComment(String sql, int start) {
        int end = sql.indexOf("*/", start + 2);
        return end < 0 ? sql.length() : end + 2;
    }

    /** {@code $$} or {@code $tag$}, where a tag is letters, digits and underscores not starting with a digit. */
    private static boolean startsDollarQuote(String sql, int start) {
        if (start > 0 && isTagCharacter(sql.charAt(start - 1))) {
            return false; // part of an identifier such as a$b
        }
        int i = start + 1;
        if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
            return false; // $1 is a positional parameter, not a quote
        }
        while (i < sql.length() && isTagCharacter(sql.charAt(i))) {
            i++;
        }
        return i < sql.length() && sql.charAt(i) == '$';
    }

    private static int skipDollarQuoted(String sql, int start) {
        int tagEnd = sql.indexOf('$', start + 1);
        String tag = sql.substring(start, tagEnd + 1);
        int end = sql.indexOf(tag, tagEnd + 1);
        return end < 0 ? sql.length() : end + tag.length();
    }

    private static boolean isTagCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
