package io.basalt.parser;

import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/** What a lexer token is, for highlighting and completion in the shell. */
public enum TokenCategory {
    KEYWORD,
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    STRING,
    NUMBER,
    /** {@code $1} or {@code ?}. */
    PARAMETER,
    /** Punctuation and operators, {@code ;} included. */
    OPERATOR,
    COMMENT,
    WHITESPACE,
    /** A string, quoted identifier, comment or dollar quote that runs to the end of the script. */
    UNTERMINATED,
    /** A character that starts no token, e.g. a backslash outside quotes. */
    UNRECOGNIZED;

    private static final boolean[] KEYWORD_TYPES = keywordTypes();

    public static TokenCategory of(Token token) {
        return of(token.getType());
    }

    public static TokenCategory of(int tokenType) {
        if (tokenType > 0 && tokenType < KEYWORD_TYPES.length && KEYWORD_TYPES[tokenType]) {
            return KEYWORD;
        }
        switch (tokenType) {
            case BasaltLexer.IDENTIFIER -> {
                return IDENTIFIER;
            }
            case BasaltLexer.QUOTED_IDENTIFIER -> {
                return QUOTED_IDENTIFIER;
            }
            case BasaltLexer.STRING_LITERAL, BasaltLexer.ESCAPE_STRING_LITERAL, BasaltLexer.DOLLAR_STRING -> {
                return STRING;
            }
            case BasaltLexer.INTEGER_LITERAL, BasaltLexer.DECIMAL_LITERAL -> {
                return NUMBER;
            }
            case BasaltLexer.PARAMETER, BasaltLexer.QUESTION_MARK -> {
                return PARAMETER;
            }
            case BasaltLexer.LINE_COMMENT, BasaltLexer.BLOCK_COMMENT -> {
                return COMMENT;
            }
            case BasaltLexer.WHITESPACE -> {
                return WHITESPACE;
            }
            case BasaltLexer.UNTERMINATED_STRING_LITERAL, BasaltLexer.UNTERMINATED_QUOTED_IDENTIFIER,
                    BasaltLexer.UNTERMINATED_BLOCK_COMMENT, BasaltLexer.UNTERMINATED_DOLLAR_STRING -> {
                return UNTERMINATED;
            }
            case BasaltLexer.UNRECOGNIZED -> {
                return UNRECOGNIZED;
            }
            default -> {
                return OPERATOR;
            }
        }
    }

    /** True for keyword token types: those whose literal is a word ({@code 'SELECT'}), not a symbol. */
    public static boolean isKeyword(int tokenType) {
        return of(tokenType) == KEYWORD;
    }

    private static boolean[] keywordTypes() {
        Vocabulary vocabulary = BasaltLexer.VOCABULARY;
        boolean[] keywords = new boolean[vocabulary.getMaxTokenType() + 1];
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            keywords[type] = literal != null && literal.matches("'[A-Z][A-Z_0-9]*'");
        }
        return keywords;
    }
}
