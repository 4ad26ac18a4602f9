package io.basalt.parser;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Turns the parser's first syntax error into a {@link ParseException} with PostgreSQL's wording and stops
 * the parse there: throwing from the listener ends ANTLR's recovery, so no later, confusing errors
 * follow and nothing is printed to the console.
 */
final class SyntaxErrorListener extends BaseErrorListener {

    private final SourceText source;

    SyntaxErrorListener(SourceText source) {
        this.source = source;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String antlrMessage, RecognitionException exception) {
        if (!(offendingSymbol instanceof Token token)) {
            throw new IllegalStateException("a parser error without a token: " + antlrMessage);
        }
        if (token.getType() == Token.EOF) {
            throw source.error(token, ParseException.SYNTAX_ERROR, "syntax error at end of input");
        }
        throw source.syntaxError(token);
    }
}
