package io.basalt.optimizer.dml;

import io.basalt.optimizer.PlanningException;
import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The significant tokens of a DELETE, UPDATE or MERGE statement (Basalt's lexer: no whitespace or comments), each
 * with its nesting level, so that the statement's clauses can be found at the top level: a {@code WHERE} or a
 * {@code WHEN} inside parentheses or a CASE expression belongs to an expression, not to the statement. Only the
 * skeleton is found here; every expression is left as text for Calcite.
 */
final class DmlTokens {

    /** One token: its text, the word it spells when it is a word (lower case), its offsets and nesting level. */
    record DmlToken(String text, String word, TokenCategory category, int start, int end, int depth) {

        boolean is(String keyword) {
            return keyword.equals(word);
        }

        boolean isName() {
            return category == TokenCategory.IDENTIFIER || category == TokenCategory.QUOTED_IDENTIFIER
                    || category == TokenCategory.KEYWORD;
        }
    }

    private final String text;
    private final List<DmlToken> tokens;

    private DmlTokens(String text, List<DmlToken> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    static DmlTokens of(String text) {
        List<DmlToken> tokens = new ArrayList<>();
        int depth = 0;
        for (Token token : ScriptTokenizer.tokenize(text)) {
            TokenCategory category = TokenCategory.of(token);
            if (category == TokenCategory.WHITESPACE || category == TokenCategory.COMMENT) {
                continue;
            }
            String image = token.getText();
            boolean word = category == TokenCategory.KEYWORD || category == TokenCategory.IDENTIFIER;
            String lower = word ? image.toLowerCase(Locale.ROOT) : "";
            if (image.equals(")") || lower.equals("end")) {
                depth = Math.max(0, depth - 1);
            }
            tokens.add(new DmlToken(image, lower, category, token.getStartIndex(), token.getStopIndex() + 1, depth));
            if (image.equals("(") || lower.equals("case")) {
                depth++;
            }
        }
        // A trailing semicolon ends the statement; it is no part of any clause.
        if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).text().equals(";")) {
            tokens.remove(tokens.size() - 1);
        }
        return new DmlTokens(text, tokens);
    }

    String text() {
        return text;
    }

    int size() {
        return tokens.size();
    }

    DmlToken get(int index) {
        return tokens.get(index);
    }

    boolean at(int index, String word) {
        return index < tokens.size() && tokens.get(index).is(word);
    }

    /** The first token at or after {@code from}, at the top level, spelling one of {@code words}; or {@link #size()}. */
    int findTopLevel(int from, String... words) {
        for (int i = from; i < tokens.size(); i++) {
            DmlToken token = tokens.get(i);
            if (token.depth() == 0) {
                for (String word : words) {
                    if (token.is(word)) {
                        return i;
                    }
                }
            }
        }
        return tokens.size();
    }

    /** The text of tokens {@code [from, to)}, as written (with the whitespace and comments between them). */
    Span span(int from, int to) {
        if (from >= to) {
            throw syntaxError(from);
        }
        return new Span(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** 42601 at the token {@code index} (or at the end). */
    PlanningException syntaxError(int index) {
        if (index >= tokens.size()) {
            int[] position = position(text.length());
            return new PlanningException(PlanningException.SYNTAX_ERROR, "syntax error at end of input",
                    position[0], position[1], null);
        }
        DmlToken token = tokens.get(index);
        int[] position = position(token.start());
        return new PlanningException(PlanningException.SYNTAX_ERROR, "syntax error at or near \"" + token.text() + "\"",
                position[0], position[1], null);
    }

    /** An error at {@code offset} of the statement. */
    PlanningException errorAt(String sqlState, String message, int offset) {
        int[] position = position(offset);
        return new PlanningException(sqlState, message, position[0], position[1], null);
    }

    /** The 1-based line and column of {@code offset}. */
    int[] position(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    /** A piece of the statement's text: offsets {@code [start, end)}. */
    record Span(int start, int end) {
    }
}
