package io.basalt.optimizer.sql;

/**
 * The lexical pieces the text rewrites before parsing ({@link NonReservedWords}, {@link InfixCasts}) step over
 * unchanged: quoted strings and names, and comments.
 */
final class QueryText {

    private QueryText() {
    }

    /** The end (exclusive) of the string or quoted name opening at {@code start}; a doubled quote stays inside. */
    static int closingQuote(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /**
     * The end (exclusive) of the {@code --} or {@code /* … *}{@code /} comment starting at {@code start}, or
     * {@code start} when none starts there.
     */
    static int commentEnd(String text, int start) {
        if (text.startsWith("--", start)) {
            int end = text.indexOf('\n', start);
            return end < 0 ? text.length() : end;
        }
        if (text.startsWith("/*", start)) {
            int end = text.indexOf("*/", start + 2);
            return end < 0 ? text.length() : end + 2;
        }
        return start;
    }
}
