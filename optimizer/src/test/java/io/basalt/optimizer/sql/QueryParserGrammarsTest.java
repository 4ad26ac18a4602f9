package io.basalt.optimizer.sql;

import io.basalt.optimizer.PlanningException;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The core grammar parses first, Babel's what the core one rejects; nothing of one parse may show in the next, and
 * syntax errors are Babel's.
 */
class QueryParserGrammarsTest {

    private static List<Integer> parameterIndexes(String query) {
        List<Integer> indexes = new ArrayList<>();
        QueryParser.parse(query).query().accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlDynamicParam parameter) {
                indexes.add(parameter.getIndex());
                return null;
            }
        });
        return indexes;
    }

    @Test
    void parametersAreNumberedFromZeroInEveryQuery() {
        assertThat(parameterIndexes("SELECT a FROM t WHERE b = ? AND c = ?")).containsExactly(0, 1);
        assertThat(parameterIndexes("SELECT a FROM t WHERE b = ?")).containsExactly(0);
        assertThat(parameterIndexes("VALUES (?, ?, ?)")).containsExactly(0, 1, 2);
    }

    @Test
    void aFailedParseLeavesNothingForTheNext() {
        String broken = "SELECT ? FROM t WHERE (a = ? AND";
        PlanningException first = catchThrowableOfType(() -> QueryParser.parse(broken), PlanningException.class);
        assertThat(parameterIndexes("SELECT a FROM t WHERE b = ?")).containsExactly(0);
        PlanningException again = catchThrowableOfType(() -> QueryParser.parse(broken), PlanningException.class);
        assertThat(again).hasMessage(first.getMessage());
        assertThat(again.line()).isEqualTo(first.line());
        assertThat(again.column()).isEqualTo(first.column());
        assertThatThrownBy(() -> QueryParser.parse("SELECT a FROM t WHERE b = = ?"))
                .isInstanceOf(PlanningException.class).hasMessage("syntax error at or near \"=\"");
        assertThat(QueryParser.parse("SELECT x AS value FROM t").query()).isNotNull();
    }

    @Test
    void positionsAreTheNewTextsAfterALongerOne() {
        QueryParser.parse("SELECT a,\n  b,\n  c\nFROM t\nWHERE d = 1");
        // the second '=' of line 1, not a position in the five lines parsed before
        assertThatThrownBy(() -> QueryParser.parse("SELECT a FROM t WHERE b = = 1"))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e.line()).hasValue(1);
                    assertThat(e.column()).hasValue(27);
                });
    }

    @Test
    void whatTheCoreGrammarRejectsBabelParses() {
        // "rank" and "one" are reserved in Calcite's core grammar, "::" is Babel's only; parameters are numbered
        // afresh whichever parser took the text and whichever took the one before it.
        assertThat(parameterIndexes("SELECT rank, one FROM t WHERE b = ?")).containsExactly(0);
        assertThat(parameterIndexes("SELECT a FROM t WHERE b = ? AND c = ?")).containsExactly(0, 1);
        assertThat(parameterIndexes("SELECT a::int FROM t WHERE b = ?")).containsExactly(0);
        assertThat(parameterIndexes("SELECT position FROM t WHERE b = ? AND c = ?")).containsExactly(0, 1);
        assertThat(QueryParser.parse("SELECT rank FROM t").query().toString()).contains("`rank`");
    }

    @Test
    void syntaxErrorsAreBabelsWhateverTheCoreGrammarSaid() {
        // The core grammar fails at "rank" (reserved there); Babel, which reports, fails at the second "=".
        assertThatThrownBy(() -> QueryParser.parse("SELECT rank FROM t WHERE b = = 1"))
                .isInstanceOfSatisfying(PlanningException.class, e -> {
                    assertThat(e).hasMessage("syntax error at or near \"=\"");
                    assertThat(e.line()).hasValue(1);
                    assertThat(e.column()).hasValue(30);
                });
        assertThatThrownBy(() -> QueryParser.parse("SELECT a FROM t WHERE"))
                .isInstanceOf(PlanningException.class).hasMessage("syntax error at or near \"WHERE\"");
    }
}
