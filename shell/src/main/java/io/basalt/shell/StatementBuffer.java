package io.basalt.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects typed lines until they hold complete statements: a {@code ;} ends a statement unless it stands
 * inside a quoted string ({@code '…'}), a quoted identifier ({@code "…"}), a line comment ({@code -- …})
 * or a block comment. The parser's lexer takes this job over when the statement grammar lands.
 */
final class StatementBuffer {

    private final StringBuilder pending = new StringBuilder();

    /** Adds a line; returns the statements it completed (without their {@code ;}), possibly none. */
    List<String> add(String line) {
        if (pending.length() > 0) {
            pending.append('\n');
        }
        pending.append(line);
        List<String> statements = new ArrayList<>();
        int start = 0;
        char quote = 0;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < pending.length(); i++) {
            char c = pending.charAt(i);
            char next = i + 1 < pending.length() ? pending.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens, which comes to the same thing
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '-' && next == '-') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
                i++;
            } else if (c == ';') {
                String statement = pending.substring(start, i).trim();
                if (!statement.isEmpty()) {
                    statements.add(statement);
                }
                start = i + 1;
            }
        }
        pending.delete(0, start);
        if (pending.toString().isBlank()) {
            pending.setLength(0);
        }
        return statements;
    }

    /** True while a statement has begun but not ended. */
    boolean isIncomplete() {
        return pending.length() > 0;
    }

    /** What remains at end of input, a statement without its closing {@code ;}. */
    String drain() {
        String rest = pending.toString().trim();
        pending.setLength(0);
        return rest;
    }
}
