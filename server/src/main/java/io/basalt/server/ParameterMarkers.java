package io.basalt.server;

import io.basalt.parser.ParseException;
import io.basalt.parser.ScriptTokenizer;
import io.basalt.parser.TokenCategory;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code ?} markers of statements that cannot take parameters (DDL, COPY, SET, …): found with the statement
 * lexer, so a {@code ?} inside a string, a quoted name or a comment is no parameter, and refused with 0A000
 * naming the kind of statement, as in {@code not supported yet: parameters in COPY statements}.
 */
final class ParameterMarkers {

    /** The words that end a statement kind's name after CREATE, DROP, … ({@code CREATE TABLE}, {@code DROP SCHEMA}). */
    private static final Set<String> OBJECT_WORDS = Set.of("TABLE", "SCHEMA", "VIEW", "TABLES", "SCHEMAS", "INDEX");
    private static final Set<String> VERBS_WITH_OBJECTS = Set.of("CREATE", "DROP", "ALTER", "SHOW");

    private ParameterMarkers() {
    }

    static boolean any(String sql) {
        return ScriptTokenizer.tokenize(sql).stream().anyMatch(ParameterMarkers::isMarker);
    }

    /** Whether a syntax error points at a {@code ?}: the statement does not take a parameter there. */
    static boolean isAt(String sql, ParseException error) {
        return ScriptTokenizer.tokenize(sql).stream()
                .anyMatch(token -> isMarker(token) && token.getStartIndex() == error.offset());
    }

    static StatementException notSupported(String sql) {
        return StatementException.notSupported("parameters in " + statementKind(sql) + " statements");
    }

    private static boolean isMarker(Token token) {
        return TokenCategory.of(token) == TokenCategory.PARAMETER && "?".equals(token.getText());
    }

    /** The statement's leading keywords: {@code COPY}, {@code SET}, {@code CREATE TABLE}, {@code DROP SCHEMA}, … */
    private static String statementKind(String sql) {
        List<String> words = new ArrayList<>();
        for (Token token : ScriptTokenizer.tokenize(sql)) {
            TokenCategory category = TokenCategory.of(token);
            if (category == TokenCategory.WHITESPACE || category == TokenCategory.COMMENT) {
                continue;
            }
            if (category != TokenCategory.KEYWORD) {
                break;
            }
            String word = token.getText().toUpperCase(Locale.ROOT);
            words.add(word);
            if (!VERBS_WITH_OBJECTS.contains(words.get(0)) || OBJECT_WORDS.contains(word) || words.size() == 4) {
                break;
            }
        }
        return words.isEmpty() ? "these" : String.join(" ", words);
    }
}
