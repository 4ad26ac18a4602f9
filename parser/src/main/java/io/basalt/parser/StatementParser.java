package io.basalt.parser;

import io.basalt.parser.ast.ScriptPosition;
import io.basalt.parser.ast.Statement;
import io.basalt.parser.grammar.BasaltLexer;
import io.basalt.parser.grammar.BasaltParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

/**
 * Parses Basalt's statement language into the AST of {@code io.basalt.parser.ast}. The script is lexed
 * once and split into statements on its {@code ;} tokens; each statement's tokens (which keep their
 * offsets in the whole script) are then parsed on their own, so every position reported, in errors and
 * spans alike, is a position in the original script.
 */
public final class StatementParser {

    private StatementParser() {
    }

    /**
     * Parses every statement of a script; empty statements are skipped. The first error ends the parse:
     * nothing of a script with an error is returned, as PostgreSQL runs nothing of such a query string.
     *
     * @throws ParseException for the first statement Basalt cannot accept
     */
    public static List<Statement> parseScript(String script) {
        SourceText source = new SourceText(script);
        List<Statement> statements = new ArrayList<>();
        for (StatementTokens tokens : StatementTokens.split(ScriptTokenizer.tokenize(script))) {
            statements.add(parse(source, tokens));
        }
        return List.copyOf(statements);
    }

    /**
     * Parses exactly one statement, with or without a closing {@code ;}.
     *
     * @throws ParseException when the text holds no statement, more than one, or one Basalt cannot accept
     */
    public static Statement parse(String sqlOneStatement) {
        SourceText source = new SourceText(sqlOneStatement);
        List<StatementTokens> statements = StatementTokens.split(ScriptTokenizer.tokenize(sqlOneStatement));
        if (statements.isEmpty()) {
            throw new ParseException(ParseException.SYNTAX_ERROR, "empty statement: the text holds no SQL",
                    source.position(0));
        }
        if (statements.size() > 1) {
            Token second = statements.get(1).first();
            throw source.error(second, ParseException.SYNTAX_ERROR,
                    "expected one statement, but another begins at or near " + source.quoted(second));
        }
        return parse(source, statements.get(0));
    }

    private static Statement parse(SourceText source, StatementTokens statement) {
        LexicalErrors.check(source, statement);
        UnsupportedStatements.check(source, statement.tokens());
        Optional<Statement> query = QueryStatements.recognise(source, statement.tokens());
        return query.isPresent() ? query.get() : parseWithGrammar(source, statement);
    }

    /** One statement through the grammar, the shortcut of {@link QueryStatements} not taken (tests compare both). */
    static Statement parseWithGrammar(String sqlOneStatement) {
        SourceText source = new SourceText(sqlOneStatement);
        return parseWithGrammar(source, StatementTokens.split(ScriptTokenizer.tokenize(sqlOneStatement)).get(0));
    }

    private static Statement parseWithGrammar(SourceText source, StatementTokens statement) {
        List<Token> tokens = new ArrayList<>(statement.tokens());
        tokens.add(endOfStatement(source, statement.last()));
        BasaltParser parser = new BasaltParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener(source));
        return new StatementBuilder(source).visit(parser.singleStatement().statement());
    }

    /** The EOF token stands right after the statement's last token, where "at end of input" points. */
    private static Token endOfStatement(SourceText source, Token last) {
        ScriptPosition end = source.position(last.getStopIndex() + 1);
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setStartIndex(end.offset());
        eof.setStopIndex(end.offset() - 1);
        eof.setLine(end.line());
        eof.setCharPositionInLine(end.column() - 1);
        return eof;
    }
}
