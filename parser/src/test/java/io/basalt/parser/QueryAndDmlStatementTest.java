package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.parser.ast.CreateTableAsStatement;
import io.basalt.parser.ast.CreateViewStatement;
import io.basalt.parser.ast.DmlKind;
import io.basalt.parser.ast.DmlStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropViewStatement;
import io.basalt.parser.ast.ExplainStatement;
import io.basalt.parser.ast.InsertStatement;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.SqlFragment;
import io.basalt.parser.ast.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryAndDmlStatementTest {

    /** The fragment expected for {@code text}, which must occur exactly once in {@code script}. */
    private static SqlFragment fragmentOf(String script, String text, int line, int column) {
        int start = script.indexOf(text);
        assertThat(script.indexOf(text, start + 1)).as("'%s' occurs once", text).isEqualTo(-1);
        return new SqlFragment(text, new SourceSpan(start, start + text.length(), line, column));
    }

    @Test
    void queriesAreRecognisedByTheirFirstWordAndKeptWhole() {
        for (String sql : List.of("SELECT 1", "select a from t where b = 'x;y'", "WITH x AS (SELECT 1) SELECT * FROM x",
                "VALUES (1, 'a'), (2, 'b')", "(SELECT 1) UNION (SELECT 2)", "((VALUES 1))")) {
            Statement statement = StatementParser.parse(sql);
            assertThat(statement).isEqualTo(new QueryStatement(fragmentOf(sql, sql, 1, 1)));
        }
    }

    @Test
    void statementsOnLaterLinesOfAScriptKeepTheirPositions() {
        String script = "CREATE TABLE t (a INT);\n"
                + "-- the data\n"
                + "INSERT INTO t VALUES (1);\n"
                + "   SELECT a,\n"
                + "          b\n"
                + "   FROM t;  DELETE FROM t WHERE a = 1\n";
        List<Statement> statements = StatementParser.parseScript(script);
        assertThat(statements).hasSize(4);
        assertThat(statements.get(1).span()).isEqualTo(new SourceSpan(36, 60, 3, 1));
        String query = "SELECT a,\n          b\n   FROM t";
        assertThat(statements.get(2)).isEqualTo(new QueryStatement(fragmentOf(script, query, 4, 4)));
        assertThat(statements.get(3)).isEqualTo(new DmlStatement(DmlKind.DELETE, fragmentOf(script, "DELETE FROM t WHERE a = 1", 6, 13)));
    }

    @Test
    void anErrorInsideAQueryCanBeMovedBackToTheScript() {
        String script = "SELECT 1;\n\n  SELECT a,\n    b FROMM t";
        QueryStatement query = (QueryStatement) StatementParser.parseScript(script).get(1);
        // Calcite would report "FROMM" at line 2, column 7 of the query text.
        var position = query.query().locate(2, 7);
        assertThat(position.line()).isEqualTo(4);
        assertThat(position.column()).isEqualTo(7);
        assertThat(script.substring(position.offset())).startsWith("FROMM");
        var first = query.query().locate(1, 8);
        assertThat(first.line()).isEqualTo(3);
        assertThat(first.column()).isEqualTo(10);
        assertThat(script.charAt(first.offset())).isEqualTo('a');
    }

    @Test
    void insertValuesKeepsTheSourceAfterTheColumnList() {
        String sql = "INSERT INTO Sales.Fact (sale_id, \"Amount\") VALUES (1, 2.5), (2, NULL)";
        InsertStatement insert = (InsertStatement) StatementParser.parse(sql);
        assertThat(insert.table()).isEqualTo(QualifiedName.of("sales", "fact"));
        assertThat(insert.columns()).containsExactly("sale_id", "Amount");
        assertThat(insert.source()).isEqualTo(fragmentOf(sql, "VALUES (1, 2.5), (2, NULL)", 1, 44));
        assertThat(insert.span()).isEqualTo(new SourceSpan(0, sql.length(), 1, 1));
    }

    @Test
    void insertSelectWithAndWithoutColumns() {
        InsertStatement plain = (InsertStatement) StatementParser.parse("insert into t select * from s");
        assertThat(plain.columns()).isEmpty();
        assertThat(plain.source().text()).isEqualTo("select * from s");

        InsertStatement parenthesised = (InsertStatement) StatementParser.parse("INSERT INTO t (SELECT 1)");
        assertThat(parenthesised.columns()).isEmpty();
        assertThat(parenthesised.source().text()).isEqualTo("(SELECT 1)");

        InsertStatement with = (InsertStatement) StatementParser.parse("INSERT INTO t (a) WITH x AS (SELECT 1) SELECT * FROM x");
        assertThat(with.columns()).containsExactly("a");
        assertThat(with.source().text()).isEqualTo("WITH x AS (SELECT 1) SELECT * FROM x");
    }

    @Test
    void dmlIsRecognisedAndPassedThrough() {
        assertThat(StatementParser.parse("UPDATE t SET a = 1 WHERE b")).isInstanceOfSatisfying(DmlStatement.class,
                dml -> assertThat(dml.kind()).isEqualTo(DmlKind.UPDATE));
        assertThat(StatementParser.parse("merge into t using s on t.a = s.a when matched then delete"))
                .isInstanceOfSatisfying(DmlStatement.class, dml -> {
                    assertThat(dml.kind()).isEqualTo(DmlKind.MERGE);
                    assertThat(dml.text().text()).isEqualTo("merge into t using s on t.a = s.a when matched then delete");
                });
    }

    @Test
    void explainTakesAQueryOrDml() {
        String sql = "EXPLAIN ANALYZE\n  SELECT * FROM t";
        ExplainStatement explain = (ExplainStatement) StatementParser.parse(sql);
        assertThat(explain.analyze()).isTrue();
        assertThat(explain.statement()).isEqualTo(new QueryStatement(fragmentOf(sql, "SELECT * FROM t", 2, 3)));
        assertThat(explain.span()).isEqualTo(new SourceSpan(0, sql.length(), 1, 1));

        ExplainStatement plain = (ExplainStatement) StatementParser.parse("explain insert into t values (1)");
        assertThat(plain.analyze()).isFalse();
        assertThat(plain.statement()).isInstanceOfSatisfying(InsertStatement.class,
                insert -> assertThat(insert.source().text()).isEqualTo("values (1)"));

        assertThat(((ExplainStatement) StatementParser.parse("EXPLAIN DELETE FROM t")).statement())
                .isInstanceOf(DmlStatement.class);
    }

    @Test
    void createTableAsKeepsTheQuery() {
        String sql = "CREATE TABLE IF NOT EXISTS top_sales (id, total) AS SELECT id, sum(x) FROM s GROUP BY id";
        CreateTableAsStatement statement = (CreateTableAsStatement) StatementParser.parse(sql);
        assertThat(statement.name()).isEqualTo(QualifiedName.of("top_sales"));
        assertThat(statement.ifNotExists()).isTrue();
        assertThat(statement.columnNames()).containsExactly("id", "total");
        assertThat(statement.query()).isEqualTo(fragmentOf(sql, "SELECT id, sum(x) FROM s GROUP BY id", 1, 53));

        CreateTableAsStatement bare = (CreateTableAsStatement) StatementParser.parse("create table t as (select 1)");
        assertThat(bare.columnNames()).isEmpty();
        assertThat(bare.query().text()).isEqualTo("(select 1)");
    }

    @Test
    void viewsAreParsedForLaterIssues() {
        CreateViewStatement view = (CreateViewStatement) StatementParser.parse("CREATE OR REPLACE VIEW v (a) AS SELECT 1");
        assertThat(view.orReplace()).isTrue();
        assertThat(view.name()).isEqualTo(QualifiedName.of("v"));
        assertThat(view.columnNames()).containsExactly("a");
        assertThat(view.query().text()).isEqualTo("SELECT 1");
        assertThat(((CreateViewStatement) StatementParser.parse("create view s.v as values (1)")).orReplace()).isFalse();

        DropViewStatement drop = (DropViewStatement) StatementParser.parse("DROP VIEW IF EXISTS v, s.w CASCADE");
        assertThat(drop.names()).containsExactly(QualifiedName.of("v"), QualifiedName.of("s", "w"));
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.behavior()).isEqualTo(DropBehavior.CASCADE);
    }
}
