package io.basalt.parser;

import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;
import java.util.Optional;

/**
 * Queries ({@code SELECT}, {@code WITH}, {@code VALUES}, after any opening parentheses) and {@code EXPLAIN [ANALYZE]}
 * of a query, recognised from their first tokens without running the grammar. The grammar takes a query whole, as
 * the run of tokens to the end of the statement ({@code query : LEFT_PAREN* (SELECT | WITH | VALUES) .*?}), and no
 * other statement begins with those words, so these statements are exactly what the grammar would build; Calcite
 * then parses the text. Skipping the grammar's adaptive prediction over every token of the query saves a second
 * full parse of the most common statement (measured in docs/benchmarks.md, eighth session).
 */
final class QueryStatements {

    private QueryStatements() {
    }

    /** The statement {@code tokens} (default channel, without the end of input) form, if it is one of the above. */
    static Optional<Statement> recognise(SourceText source, List<Token> tokens) {
        if (isQuery(tokens, 0)) {
            return Optional.of(query(source, tokens, 0));
        }
        if (tokens.get(0).getType() != BasaltLexer.EXPLAIN) {
            return Optional.empty();
        }
        boolean analyze = tokens.size() > 1 && tokens.get(1).getType() == BasaltLexer.ANALYZE;
        int start = analyze ? 2 : 1;
        if (!isQuery(tokens, start)) {
            return Optional.empty();
        }
        return Optional.of(new ExplainStatement(analyze, query(source, tokens, start),
                source.span(tokens.get(0), tokens.get(tokens.size() - 1))));
    }

    private static boolean isQuery(List<Token> tokens, int start) {
        int first = start;
        while (first < tokens.size() && tokens.get(first).getType() == BasaltLexer.LEFT_PAREN) {
            first++;
        }
        if (first == tokens.size()) {
            return false;
        }
        int type = tokens.get(first).getType();
        return type == BasaltLexer.SELECT || type == BasaltLexer.WITH || type == BasaltLexer.VALUES;
    }

    private static QueryStatement query(SourceText source, List<Token> tokens, int start) {
        return new QueryStatement(source.fragment(tokens.get(start), tokens.get(tokens.size() - 1)));
    }
}
