package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.parser.ast.ColumnDefinition;
import io.basalt.parser.ast.CreateTableStatement;
import io.basalt.parser.grammar.BasaltLexer;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;

/** Each keyword is either reserved (a name only when quoted) or usable as a column name unquoted. */
class KeywordTest {

    private static final Set<String> RESERVED = Set.of("ALL", "ANALYZE", "AND", "ANY", "AS", "ASC", "CASE", "CAST", "CHECK",
            "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
            "DEFAULT", "DESC", "DISTINCT", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM", "FULL",
            "GRANT", "GROUP", "HAVING", "ILIKE", "IN", "INNER", "INTERSECT", "INTO", "IS", "JOIN", "LATERAL", "LEFT", "LIKE",
            "LIMIT", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "OUTER", "PRIMARY", "REFERENCES",
            "RETURNING", "RIGHT", "SELECT", "SOME", "TABLE", "THEN", "TO", "TRUE", "UNION", "UNIQUE", "USING", "VALUES",
            "WHEN", "WHERE", "WINDOW", "WITH");

    @Test
    void everyKeywordIsReservedOrAColumnName() {
        Vocabulary vocabulary = BasaltLexer.VOCABULARY;
        int keywords = 0;
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            if (!TokenCategory.isKeyword(type)) {
                continue;
            }
            keywords++;
            String keyword = vocabulary.getSymbolicName(type);
            String sql = "CREATE TABLE t (" + keyword.toLowerCase(Locale.ROOT) + " INT, other INT)";
            if (RESERVED.contains(keyword)) {
                assertThatThrownBy(() -> StatementParser.parse(sql)).as(keyword).isInstanceOf(ParseException.class);
            } else {
                CreateTableStatement table = (CreateTableStatement) StatementParser.parse(sql);
                assertThat(table.columns()).extracting(ColumnDefinition::name).as(keyword)
                        .containsExactly(keyword.toLowerCase(Locale.ROOT), "other");
            }
        }
        assertThat(keywords).isGreaterThan(RESERVED.size());
    }
}
