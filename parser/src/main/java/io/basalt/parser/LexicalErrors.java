package io.basalt.parser;

import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

/**
 * Reports what the lexer marked as broken, before the parser sees it: quotes and comments that run to the
 * end of the script, with PostgreSQL's messages.
 */
final class LexicalErrors {

    private LexicalErrors() {
    }

    static void check(SourceText source, StatementTokens statement) {
        for (Token token : statement.tokens()) {
            String problem = problem(token.getType());
            if (problem != null) {
                throw source.error(token, ParseException.SYNTAX_ERROR, problem + " at or near " + source.quoted(token));
            }
        }
    }

    private static String problem(int tokenType) {
        return switch (tokenType) {
            case BasaltLexer.UNTERMINATED_STRING_LITERAL -> "unterminated quoted string";
            case BasaltLexer.UNTERMINATED_QUOTED_IDENTIFIER -> "unterminated quoted identifier";
            case BasaltLexer.UNTERMINATED_DOLLAR_STRING -> "unterminated dollar-quoted string";
            case BasaltLexer.UNTERMINATED_BLOCK_COMMENT -> "unterminated /* comment";
            default -> null;
        };
    }
}
