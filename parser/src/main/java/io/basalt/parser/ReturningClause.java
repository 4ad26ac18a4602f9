package io.basalt.parser;

import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Where an INSERT's source ends and its RETURNING list begins. The grammar leaves a query source as a run of tokens
 * for Calcite, so RETURNING is found here: the first RETURNING keyword outside parentheses (inside them it belongs to
 * a subquery, where Calcite rejects it with a position).
 *
 * @param source    the source's tokens
 * @param returning the tokens after RETURNING; empty when there is no RETURNING
 * @param keyword   the RETURNING token itself, or null
 */
record ReturningClause(List<Token> source, List<Token> returning, Token keyword) {

    static ReturningClause split(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == BasaltLexer.LEFT_PAREN) {
                depth++;
            } else if (type == BasaltLexer.RIGHT_PAREN) {
                depth--;
            } else if (type == BasaltLexer.RETURNING && depth == 0) {
                return new ReturningClause(tokens.subList(0, i), tokens.subList(i + 1, tokens.size()), tokens.get(i));
            }
        }
        return new ReturningClause(tokens, List.of(), null);
    }

    boolean present() {
        return keyword != null;
    }
}
