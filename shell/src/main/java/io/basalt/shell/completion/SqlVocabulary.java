package io.basalt.shell.completion;

import io.basalt.parser.TokenCategory;
import io.basalt.parser.grammar.BasaltLexer;
import org.antlr.v4.runtime.Vocabulary;

import java.util.ArrayList;
import java.util.List;

/** The words completion offers that do not come from the catalog: keywords and functions. */
final class SqlVocabulary {

    /** Every keyword of the statement lexer, so completion knows exactly the words the parser does. */
    static final List<String> KEYWORDS = lexerKeywords();

    /** Words that begin the statements Basalt runs. */
    static final List<String> STATEMENT_KEYWORDS = List.of("ANALYZE", "BEGIN", "COMMIT", "COPY", "CREATE", "DESCRIBE",
            "DROP", "EXPLAIN", "INSERT", "RESET", "ROLLBACK", "SELECT", "SET", "SHOW", "VALUES", "WITH");

    /** What may follow a table or a whole expression: offered before anything is typed, instead of every keyword. */
    static final List<String> CLAUSE_KEYWORDS = List.of("AS", "CROSS", "EXCEPT", "FULL", "GROUP BY", "HAVING", "INNER",
            "INTERSECT", "JOIN", "LEFT", "LIMIT", "NATURAL", "OFFSET", "ON", "ORDER BY", "RIGHT", "UNION", "USING", "WHERE");

    /**
     * The functions the executor runs today (the optimizer's expression and aggregate converters); JDBC's
     * {@code getFunctions} does not report them yet.
     */
    static final List<String> FUNCTIONS = List.of("abs", "avg", "ceil", "ceiling", "char_length", "character_length",
            "coalesce", "count", "date", "exp", "extract", "floor", "length", "ln", "lower", "max", "min", "mod",
            "nullif", "position", "power", "replace", "round", "sqrt", "strpos", "substr", "substring", "sum", "trim",
            "upper");

    private SqlVocabulary() {
    }

    private static List<String> lexerKeywords() {
        Vocabulary vocabulary = BasaltLexer.VOCABULARY;
        List<String> keywords = new ArrayList<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && TokenCategory.isKeyword(type)) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        return List.copyOf(keywords);
    }
}
