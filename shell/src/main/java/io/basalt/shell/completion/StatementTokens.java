package io.basalt.shell.completion;

import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The significant tokens (no blanks, comments or {@code ;}) of the one statement of a buffer that holds a
 * given offset, split into those before it and all of them, and whether the offset lies inside a string or
 * comment, where nothing should be completed.
 */
record StatementTokens(List<Token> before, List<Token> all, boolean insideStringOrComment) {

    static StatementTokens around(String buffer, int offset) {
        List<Token> tokens = ScriptTokenizer.tokenize(buffer);
        boolean inside = false;
        List<Token> statement = new ArrayList<>();
        for (Token token : tokens) {
            boolean startsBefore = token.getStartIndex() < offset;
            if (token.getType() == BasaltLexer.SEMICOLON) {
                if (startsBefore) {
                    statement.clear(); // a statement ended before the offset
                    continue;
                }
                break; // the statement at the offset ends here
            }
            if (startsBefore && offset <= token.getStopIndex() && isStringOrComment(token)) {
                inside = true;
            }
            if (token.getChannel() == Token.DEFAULT_CHANNEL && token.getType() != BasaltLexer.UNTERMINATED_BLOCK_COMMENT) {
                statement.add(token);
            }
        }
        List<Token> before = new ArrayList<>();
        for (Token token : statement) {
            if (token.getStopIndex() < offset) {
                before.add(token);
            }
        }
        return new StatementTokens(before, statement, inside);
    }

    /** The token {@code fromEnd} places before the last one of {@link #before()} (0 is the last), or null. */
    Token beforeAt(int fromEnd) {
        int index = before.size() - 1 - fromEnd;
        return index >= 0 ? before.get(index) : null;
    }

    int typeBeforeAt(int fromEnd) {
        Token token = beforeAt(fromEnd);
        return token == null ? Token.INVALID_TYPE : token.getType();
    }

    static boolean isName(Token token) {
        return token != null && (token.getType() == BasaltLexer.IDENTIFIER || token.getType() == BasaltLexer.QUOTED_IDENTIFIER);
    }

    private static boolean isStringOrComment(Token token) {
        TokenCategory category = TokenCategory.of(token);
        return category == TokenCategory.STRING || category == TokenCategory.COMMENT
                || category == TokenCategory.UNTERMINATED && token.getType() != BasaltLexer.UNTERMINATED_QUOTED_IDENTIFIER;
    }
}
