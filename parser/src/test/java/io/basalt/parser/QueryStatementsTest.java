package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.QueryStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries and EXPLAIN of queries skip the grammar; what they become must be what the grammar builds. */
class QueryStatementsTest {

    @Test
    void queriesAndTheirExplainsAreWhatTheGrammarBuilds() {
        for (String sql : List.of("SELECT 1", "  select a -- note\n  from t where b = 'x;y'  ",
                "WITH x AS (SELECT 1) SELECT * FROM x;", "VALUES (1, 'a'), (2, 'b')", "(SELECT 1) UNION (SELECT 2)",
                "((VALUES 1))", "/* c */ SELECT\n  count(*)\nFROM nation", "EXPLAIN SELECT 1",
                "explain analyze\n  (select 2)", "EXPLAIN ANALYZE WITH t AS (VALUES 1) SELECT * FROM t ;",
                "SELECT 1 FROM t WHERE x = ) garbage ((")) {
            assertThat(StatementParser.parse(sql)).as(sql).isEqualTo(StatementParser.parseWithGrammar(sql));
        }
        assertThat(StatementParser.parse("EXPLAIN ANALYZE (SELECT 1)")).isInstanceOf(ExplainStatement.class);
        assertThat(StatementParser.parse("(((SELECT 1)))")).isInstanceOf(QueryStatement.class);
    }

    @Test
    void otherStatementsAndBrokenOnesStillGoThroughTheGrammar() {
        for (String sql : List.of("EXPLAIN INSERT INTO t VALUES (1)", "EXPLAIN DELETE FROM t", "INSERT INTO t SELECT 1",
                "ANALYZE t", "CREATE VIEW v AS SELECT 1")) {
            assertThat(StatementParser.parse(sql)).as(sql).isEqualTo(StatementParser.parseWithGrammar(sql));
        }
        for (String sql : List.of("EXPLAIN", "EXPLAIN ANALYZE", "EXPLAIN (ANALYZE) SELECT 1", "((", "( 1")) {
            assertThatThrownBy(() -> StatementParser.parse(sql)).as(sql).isInstanceOf(ParseException.class)
                    .hasMessage(messageOf(() -> StatementParser.parseWithGrammar(sql)));
        }
    }

    @Test
    void lexicalErrorsInQueriesAreStillReported() {
        assertThatThrownBy(() -> StatementParser.parse("SELECT 'abc"))
                .isInstanceOf(ParseException.class).hasMessageContaining("unterminated quoted string");
        assertThatThrownBy(() -> StatementParser.parse("EXPLAIN SELECT 1 /* open"))
                .isInstanceOf(ParseException.class).hasMessageContaining("unterminated /* comment");
    }

    private static String messageOf(Runnable parse) {
        try {
            parse.run();
        } catch (ParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a parse error");
    }
}
