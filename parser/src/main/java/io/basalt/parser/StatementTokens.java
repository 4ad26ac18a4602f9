package io.basalt.parser;

import io.basalt.parser.grammar.BasaltLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * The significant tokens of one statement (comments and whitespace left out, the closing {@code ;} too),
 * and whether a {@code ;} closed it. Splitting on tokens rather than characters is what keeps a {@code ;}
 * inside a string, quoted identifier, comment or dollar quote from ending a statement.
 */
record StatementTokens(List<Token> tokens, boolean terminated) {

    StatementTokens {
        tokens = List.copyOf(tokens);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("a statement has at least one token");
        }
    }

    Token first() {
        return tokens.get(0);
    }

    Token last() {
        return tokens.get(tokens.size() - 1);
    }

    /** Groups a script's tokens into statements; empty statements ({@code ;;}, comments only) are dropped. */
    static List<StatementTokens> split(List<Token> scriptTokens) {
        List<StatementTokens> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : scriptTokens) {
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            if (token.getType() == BasaltLexer.SEMICOLON) {
                if (!current.isEmpty()) {
                    statements.add(new StatementTokens(current, true));
                    current = new ArrayList<>();
                }
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(new StatementTokens(current, false));
        }
        return statements;
    }
}
