package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.parser.grammar.BasaltLexer;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

class ScriptTokenizerTest {

    /** The significant tokens as "TYPE:text" pairs, comments and whitespace left out. */
    private static List<String> significant(String script) {
        return ScriptTokenizer.tokenize(script).stream()
                .filter(token -> token.getChannel() == Token.DEFAULT_CHANNEL)
                .map(token -> BasaltLexer.VOCABULARY.getSymbolicName(token.getType()) + ":" + token.getText())
                .toList();
    }

    @Test
    void keywordsAreCaseInsensitiveAndOtherWordsAreIdentifiers() {
        assertThat(significant("select Select SELECT fact_sales Year"))
                .containsExactly("SELECT:select", "SELECT:Select", "SELECT:SELECT", "IDENTIFIER:fact_sales",
                        "IDENTIFIER:Year");
    }

    @Test
    void quotedIdentifiersKeepDoubledQuotes() {
        assertThat(significant("\"Mixed \"\"Case\"\"\" x")).containsExactly("QUOTED_IDENTIFIER:\"Mixed \"\"Case\"\"\"", "IDENTIFIER:x");
    }

    @Test
    void stringsInTheirThreeQuotings() {
        assertThat(significant("'it''s' E'a\\'b' $$x;y$$ $tag$ $$ inner $tag$"))
                .containsExactly("STRING_LITERAL:'it''s'", "ESCAPE_STRING_LITERAL:E'a\\'b'", "DOLLAR_STRING:$$x;y$$",
                        "DOLLAR_STRING:$tag$ $$ inner $tag$");
    }

    @Test
    void dollarTagsAreCaseSensitive() {
        assertThat(significant("$a$ $A$ $a$ 1")).containsExactly("DOLLAR_STRING:$a$ $A$ $a$", "INTEGER_LITERAL:1");
    }

    @Test
    void numbersParametersAndOperators() {
        assertThat(significant("42 3.14 .5 1e10 2.5E-3 $1 ? a::int <> != <= >= || => ->"))
                .containsExactly("INTEGER_LITERAL:42", "DECIMAL_LITERAL:3.14", "DECIMAL_LITERAL:.5", "DECIMAL_LITERAL:1e10",
                        "DECIMAL_LITERAL:2.5E-3", "PARAMETER:$1", "QUESTION_MARK:?", "IDENTIFIER:a", "DOUBLE_COLON:::",
                        "INT:int", "NOT_EQUALS:<>", "NOT_EQUALS:!=", "LESS_OR_EQUAL:<=", "GREATER_OR_EQUAL:>=",
                        "CONCAT:||", "NAMED_ARGUMENT:=>", "ARROW:->");
    }

    @Test
    void signIsItsOwnTokenAfterEquals() {
        assertThat(significant("x=-1")).containsExactly("IDENTIFIER:x", "EQUALS:=", "MINUS:-", "INTEGER_LITERAL:1");
    }

    @Test
    void commentsAndWhitespaceAreHiddenAndBlockCommentsNest() {
        List<Token> tokens = ScriptTokenizer.tokenize("a -- line ; comment\n/* outer /* inner; */ still */ b");
        assertThat(tokens).extracting(Token::getText)
                .containsExactly("a", " ", "-- line ; comment", "\n", "/* outer /* inner; */ still */", " ", "b");
        assertThat(tokens.get(4).getChannel()).isEqualTo(Token.HIDDEN_CHANNEL);
        assertThat(tokens.get(4).getType()).isEqualTo(BasaltLexer.BLOCK_COMMENT);
    }

    @Test
    void positionsAreUtf16OffsetsWithLinesAndColumnsAfterMultiLineTokens() {
        String script = "$$é\n😀\n$$ /*\n*/ x";
        Token x = ScriptTokenizer.tokenize(script).stream().filter(t -> t.getText().equals("x")).findFirst().orElseThrow();
        assertThat(x.getStartIndex()).isEqualTo(script.indexOf('x'));
        assertThat(x.getLine()).isEqualTo(4);
        assertThat(x.getCharPositionInLine()).isEqualTo(3);
    }

    @Test
    void nonAsciiLettersFormIdentifiers() {
        assertThat(significant("größe 😀x")).containsExactly("IDENTIFIER:größe", "IDENTIFIER:😀x");
    }

    @Test
    void unterminatedQuotesAndCommentsRunToTheEnd() {
        assertThat(significant("a 'open")).containsExactly("IDENTIFIER:a", "UNTERMINATED_STRING_LITERAL:'open");
        assertThat(significant("a E'open\\")).containsExactly("IDENTIFIER:a", "UNTERMINATED_STRING_LITERAL:E'open\\");
        assertThat(significant("a \"open")).containsExactly("IDENTIFIER:a", "UNTERMINATED_QUOTED_IDENTIFIER:\"open");
        assertThat(significant("a $q$ open $Q$")).containsExactly("IDENTIFIER:a", "UNTERMINATED_DOLLAR_STRING:$q$ open $Q$");
        assertThat(significant("a /* open /* nested */")).containsExactly("IDENTIFIER:a",
                "UNTERMINATED_BLOCK_COMMENT:/* open /* nested */");
    }

    @Test
    void anUnknownCharacterIsUnrecognizedNotAFailure() {
        assertThat(significant("\\dt")).containsExactly("UNRECOGNIZED:\\", "IDENTIFIER:dt");
    }

    @Test
    void categoriesForHighlighting() {
        List<Token> tokens = ScriptTokenizer.tokenize("SELECT x, \"Y\" FROM t WHERE s = 'a' AND n > 1.5 -- c\n$1 \\ 'x");
        assertThat(tokens).extracting(TokenCategory::of).containsExactly(
                TokenCategory.KEYWORD, TokenCategory.WHITESPACE, TokenCategory.IDENTIFIER, TokenCategory.OPERATOR,
                TokenCategory.WHITESPACE, TokenCategory.QUOTED_IDENTIFIER, TokenCategory.WHITESPACE, TokenCategory.KEYWORD,
                TokenCategory.WHITESPACE, TokenCategory.IDENTIFIER, TokenCategory.WHITESPACE, TokenCategory.KEYWORD,
                TokenCategory.WHITESPACE, TokenCategory.IDENTIFIER, TokenCategory.WHITESPACE, TokenCategory.OPERATOR,
                TokenCategory.WHITESPACE, TokenCategory.STRING, TokenCategory.WHITESPACE, TokenCategory.KEYWORD,
                TokenCategory.WHITESPACE, TokenCategory.IDENTIFIER, TokenCategory.WHITESPACE, TokenCategory.OPERATOR,
                TokenCategory.WHITESPACE, TokenCategory.NUMBER, TokenCategory.WHITESPACE, TokenCategory.COMMENT,
                TokenCategory.WHITESPACE, TokenCategory.PARAMETER, TokenCategory.WHITESPACE, TokenCategory.UNRECOGNIZED,
                TokenCategory.WHITESPACE, TokenCategory.UNTERMINATED);
        assertThat(TokenCategory.isKeyword(BasaltLexer.SEMICOLON)).isFalse();
        assertThat(TokenCategory.isKeyword(BasaltLexer.TIMESTAMP)).isTrue();
    }
}
