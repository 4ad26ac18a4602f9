package io.basalt.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.parser.ast.AnalyzeStatement;
import io.basalt.parser.ast.CreateSchemaStatement;
import io.basalt.parser.ast.DescribeStatement;
import io.basalt.parser.ast.DropBehavior;
import io.basalt.parser.ast.DropSchemaStatement;
import io.basalt.parser.ast.DropTableStatement;
import io.basalt.parser.ast.OptionValue;
import io.basalt.parser.ast.QualifiedName;
import io.basalt.parser.ast.QueryStatement;
import io.basalt.parser.ast.ResetStatement;
import io.basalt.parser.ast.SetStatement;
import io.basalt.parser.ast.ShowSchemasStatement;
import io.basalt.parser.ast.ShowTablesStatement;
import io.basalt.parser.ast.SourceSpan;
import io.basalt.parser.ast.TransactionAction;
import io.basalt.parser.ast.TransactionStatement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UtilityStatementTest {

    @Test
    void dropTable() {
        assertThat(StatementParser.parse("DROP TABLE t")).isEqualTo(new DropTableStatement(List.of(QualifiedName.of("t")),
                false, DropBehavior.RESTRICT, new SourceSpan(0, 12, 1, 1)));
        DropTableStatement drop = (DropTableStatement) StatementParser.parse("drop table if exists a, S.B cascade");
        assertThat(drop.names()).containsExactly(QualifiedName.of("a"), QualifiedName.of("s", "b"));
        assertThat(drop.ifExists()).isTrue();
        assertThat(drop.behavior()).isEqualTo(DropBehavior.CASCADE);
        assertThat(((DropTableStatement) StatementParser.parse("DROP TABLE t RESTRICT")).behavior()).isEqualTo(DropBehavior.RESTRICT);
    }

    @Test
    void aTableMayBeNamedIf() {
        assertThat(((DropTableStatement) StatementParser.parse("DROP TABLE if")).names()).containsExactly(QualifiedName.of("if"));
    }

    @Test
    void schemas() {
        assertThat(StatementParser.parse("CREATE SCHEMA IF NOT EXISTS Sales"))
                .isEqualTo(new CreateSchemaStatement("sales", true, new SourceSpan(0, 33, 1, 1)));
        assertThat(StatementParser.parse("create schema \"Sales\"")).isInstanceOfSatisfying(CreateSchemaStatement.class,
                schema -> assertThat(schema.name()).isEqualTo("Sales"));
        assertThat(StatementParser.parse("DROP SCHEMA IF EXISTS s CASCADE"))
                .isEqualTo(new DropSchemaStatement("s", true, DropBehavior.CASCADE, new SourceSpan(0, 31, 1, 1)));
        assertThat(StatementParser.parse("DROP SCHEMA s")).isInstanceOfSatisfying(DropSchemaStatement.class, schema -> {
            assertThat(schema.ifExists()).isFalse();
            assertThat(schema.behavior()).isEqualTo(DropBehavior.RESTRICT);
        });
    }

    @Test
    void showAndDescribe() {
        assertThat(StatementParser.parse("SHOW TABLES")).isEqualTo(new ShowTablesStatement(Optional.empty(), new SourceSpan(0, 11, 1, 1)));
        assertThat(StatementParser.parse("show tables from Sales")).isInstanceOfSatisfying(ShowTablesStatement.class,
                show -> assertThat(show.schema()).contains("sales"));
        assertThat(StatementParser.parse("SHOW TABLES IN s")).isInstanceOfSatisfying(ShowTablesStatement.class,
                show -> assertThat(show.schema()).contains("s"));
        assertThat(StatementParser.parse("SHOW SCHEMAS")).isEqualTo(new ShowSchemasStatement(new SourceSpan(0, 12, 1, 1)));
        for (String sql : List.of("DESCRIBE s.t", "desc s.t", "SHOW COLUMNS FROM s.t", "show columns in s.t")) {
            assertThat(StatementParser.parse(sql)).isInstanceOfSatisfying(DescribeStatement.class,
                    describe -> assertThat(describe.table()).isEqualTo(QualifiedName.of("s", "t")));
        }
    }

    @Test
    void showSettingAndShowAll() {
        assertThat(StatementParser.parse("SHOW threads")).isEqualTo(
                new io.basalt.parser.ast.ShowSettingStatement(Optional.of("threads"), new SourceSpan(0, 12, 1, 1)));
        assertThat(StatementParser.parse("show ALL")).isEqualTo(
                new io.basalt.parser.ast.ShowSettingStatement(Optional.empty(), new SourceSpan(0, 8, 1, 1)));
        // SHOW TABLES and SHOW SCHEMAS stay what they were, although TABLES and SCHEMAS are names elsewhere.
        assertThat(StatementParser.parse("SHOW TABLES")).isInstanceOf(ShowTablesStatement.class);
        assertThat(StatementParser.parse("SHOW SCHEMAS")).isInstanceOf(ShowSchemasStatement.class);
    }

    @Test
    void setWithEqualsOrTo() {
        assertThat(StatementParser.parse("SET memory_limit = '4GB'")).isInstanceOfSatisfying(SetStatement.class, set -> {
            assertThat(set.name()).isEqualTo("memory_limit");
            assertThat(set.value()).isEqualTo(OptionValue.string("4GB"));
        });
        assertThat(StatementParser.parse("set Basalt.Threads TO 8")).isInstanceOfSatisfying(SetStatement.class, set -> {
            assertThat(set.name()).isEqualTo("basalt.threads");
            assertThat(set.value()).isEqualTo(OptionValue.number("8"));
        });
        assertThat(((SetStatement) StatementParser.parse("SET search_path TO Sales")).value())
                .isEqualTo(OptionValue.identifier("sales"));
        assertThat(((SetStatement) StatementParser.parse("SET x=-1.5")).value()).isEqualTo(OptionValue.number("-1.5"));
        assertThat(((SetStatement) StatementParser.parse("SET x = off")).value().asBoolean()).isFalse();
        assertThat(((SetStatement) StatementParser.parse("SET x = on")).value()).isEqualTo(OptionValue.bool(true));
        assertThat(((SetStatement) StatementParser.parse("SET x TO DEFAULT")).value().kind()).isEqualTo(OptionValue.Kind.DEFAULT);
    }

    @Test
    void resetANameOrAll() {
        assertThat(StatementParser.parse("RESET Basalt.Threads")).isInstanceOfSatisfying(ResetStatement.class,
                reset -> assertThat(reset.name()).contains("basalt.threads"));
        assertThat(StatementParser.parse("reset all")).isInstanceOfSatisfying(ResetStatement.class,
                reset -> assertThat(reset.name()).isEmpty());
        assertThat(StatementParser.parse("SELECT 1 AS reset")).isInstanceOf(QueryStatement.class);
    }

    @Test
    void optionValuesConvertToBooleansOnlyWhenTheyAreOne() {
        assertThat(OptionValue.number("0").asBoolean()).isFalse();
        assertThat(OptionValue.string("yes").asBoolean()).isTrue();
        assertThatThrownBy(() -> OptionValue.string("maybe").asBoolean())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a boolean value, got 'maybe'");
    }

    @Test
    void transactions() {
        for (String sql : List.of("BEGIN", "begin transaction", "BEGIN WORK", "START TRANSACTION")) {
            assertThat(StatementParser.parse(sql)).isInstanceOfSatisfying(TransactionStatement.class,
                    transaction -> assertThat(transaction.action()).isEqualTo(TransactionAction.BEGIN));
        }
        for (String sql : List.of("COMMIT", "commit work", "COMMIT TRANSACTION")) {
            assertThat(((TransactionStatement) StatementParser.parse(sql)).action()).isEqualTo(TransactionAction.COMMIT);
        }
        for (String sql : List.of("ROLLBACK", "rollback work", "ROLLBACK TRANSACTION")) {
            assertThat(((TransactionStatement) StatementParser.parse(sql)).action()).isEqualTo(TransactionAction.ROLLBACK);
        }
    }

    @Test
    void analyze() {
        assertThat(StatementParser.parse("ANALYZE")).isEqualTo(new AnalyzeStatement(Optional.empty(), new SourceSpan(0, 7, 1, 1)));
        assertThat(((AnalyzeStatement) StatementParser.parse("analyze s.T")).table()).contains(QualifiedName.of("s", "t"));
    }
}
