package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.parser.ast.SourceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<String> texts(String script) {
        return ScriptSplitter.split(script).stream().map(ScriptStatement::text).toList();
    }

    @Test
    void splitsOnSemicolonsAndKeepsPositions() {
        String script = "SELECT 1;\n  CREATE TABLE t (a INT);\n\nSELECT\n  2";
        List<ScriptStatement> statements = ScriptSplitter.split(script);
        assertThat(statements).extracting(ScriptStatement::text)
                .containsExactly("SELECT 1", "CREATE TABLE t (a INT)", "SELECT\n  2");
        assertThat(statements).extracting(ScriptStatement::span).containsExactly(
                new SourceSpan(0, 8, 1, 1),
                new SourceSpan(12, 34, 2, 3),
                new SourceSpan(37, 47, 4, 1));
        assertThat(statements).extracting(ScriptStatement::terminated).containsExactly(true, true, false);
        for (ScriptStatement statement : statements) {
            assertThat(statement.span().textOf(script)).isEqualTo(statement.text());
        }
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotSplit() {
        String script = "SELECT 'a;b', \"c;d\", E'e\\';f' -- g;h\n, /* i; /* j; */ k; */ $$l;m$$, $t$n;$$;o$t$;"
                + "SELECT 2";
        assertThat(texts(script)).containsExactly(
                "SELECT 'a;b', \"c;d\", E'e\\';f' -- g;h\n, /* i; /* j; */ k; */ $$l;m$$, $t$n;$$;o$t$", "SELECT 2");
    }

    @Test
    void emptyStatementsAndSurroundingCommentsAreDropped() {
        assertThat(texts(";; -- only a comment\n; /* another */ ;")).isEmpty();
        assertThat(texts("-- leading\nSELECT 1 /* inside */ + 2 -- trailing\n;")).containsExactly("SELECT 1 /* inside */ + 2");
        assertThat(texts("")).isEmpty();
    }

    @Test
    void anUnterminatedQuoteSwallowsTheRestAndLeavesTheStatementOpen() {
        List<ScriptStatement> statements = ScriptSplitter.split("SELECT 1; SELECT 'abc; SELECT 2;");
        assertThat(statements).extracting(ScriptStatement::text).containsExactly("SELECT 1", "SELECT 'abc; SELECT 2;");
        assertThat(statements.get(1).terminated()).isFalse();
    }

    @Test
    void anUnterminatedBlockCommentIsAnOpenStatement() {
        List<ScriptStatement> statements = ScriptSplitter.split("SELECT 1; /* still typing;");
        assertThat(statements).hasSize(2);
        assertThat(statements.get(1).terminated()).isFalse();
    }
}
