package io.basalt.shell.completion;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.basalt.shell.completion.CompletionKind.COLUMN;
import static io.basalt.shell.completion.CompletionKind.FUNCTION;
import static io.basalt.shell.completion.CompletionKind.KEYWORD;
import static io.basalt.shell.completion.CompletionKind.SCHEMA;
import static io.basalt.shell.completion.CompletionKind.STATEMENT_KEYWORD;
import static io.basalt.shell.completion.CompletionKind.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

class CompletionAnalyzerTest {

    /** Analyses {@code buffer} with the cursor at the {@code |}, the word being the name just before it. */
    private static CompletionScope at(String buffer) {
        int cursor = buffer.indexOf('|');
        String text = buffer.substring(0, cursor) + buffer.substring(cursor + 1);
        int wordStart = cursor;
        while (wordStart > 0 && Character.isLetterOrDigit(text.charAt(wordStart - 1)) || wordStart > 0 && text.charAt(wordStart - 1) == '_') {
            wordStart--;
        }
        return CompletionAnalyzer.analyse(text, wordStart);
    }

    @Test
    void aStatementStartsWithAStatementKeyword() {
        assertThat(at("SEL|").kinds()).containsExactly(STATEMENT_KEYWORD);
        assertThat(at("SELECT 1; |").kinds()).containsExactly(STATEMENT_KEYWORD);
    }

    @Test
    void afterFromAndJoinComeTables() {
        assertThat(at("SELECT * FROM ord|").kinds()).containsExactlyInAnyOrder(TABLE, SCHEMA);
        assertThat(at("SELECT * FROM a JOIN |").kinds()).containsExactlyInAnyOrder(TABLE, SCHEMA);
        assertThat(at("SELECT * FROM a, |").kinds()).containsExactlyInAnyOrder(TABLE, SCHEMA);
        assertThat(at("DESCRIBE |").kinds()).containsExactlyInAnyOrder(TABLE, SCHEMA);
        assertThat(at("INSERT INTO |").kinds()).containsExactlyInAnyOrder(TABLE, SCHEMA);
    }

    @Test
    void aNewTableNameIsNotCompleted() {
        assertThat(at("CREATE TABLE |").kinds()).isEmpty();
    }

    @Test
    void afterShowTablesFromComeSchemas() {
        assertThat(at("SHOW TABLES FROM |").kinds()).containsExactly(SCHEMA);
        assertThat(at("DROP SCHEMA |").kinds()).containsExactly(SCHEMA);
    }

    @Test
    void expressionsOfferColumnsOfTheStatementsTablesFunctionsAndKeywords() {
        CompletionScope scope = at("SELECT o_| FROM orders o JOIN main.lineitem AS l ON o.k = l.k JOIN customer ON true");
        assertThat(scope.kinds()).containsExactlyInAnyOrder(COLUMN, FUNCTION, KEYWORD);
        assertThat(scope.tables()).containsExactly(
                new TableReference(Optional.empty(), "orders", Optional.of("o")),
                new TableReference(Optional.of("main"), "lineitem", Optional.of("l")),
                new TableReference(Optional.empty(), "customer", Optional.empty()));
        assertThat(at("SELECT * FROM t WHERE a > 1 AND |").kinds()).contains(COLUMN);
        assertThat(at("SELECT count(|) FROM t").kinds()).contains(COLUMN);
        assertThat(at("SELECT * FROM t GROUP BY |").kinds()).contains(COLUMN);
    }

    @Test
    void aQualifierNarrowsToItsTable() {
        CompletionScope scope = at("SELECT o.| FROM orders o");
        assertThat(scope.kinds()).containsExactlyInAnyOrder(COLUMN, TABLE);
        assertThat(scope.qualifier()).contains("o");
        assertThat(at("SELECT \"O\".| FROM orders \"O\"").qualifier()).contains("O");
        assertThat(at("SELECT * FROM Main.|").qualifier()).contains("main");
    }

    @Test
    void afterATableNameComeKeywords() {
        assertThat(at("SELECT * FROM orders |").kinds()).containsExactly(KEYWORD);
    }

    @Test
    void insertColumnListsOfferTheTargetsColumns() {
        CompletionScope scope = at("INSERT INTO orders (id, |");
        assertThat(scope.kinds()).containsExactly(COLUMN);
        assertThat(scope.tables()).extracting(TableReference::name).containsExactly("orders");
    }

    @Test
    void nothingIsOfferedInsideStringsAndComments() {
        assertThat(at("SELECT 'abc| FROM t").kinds()).isEmpty();
        assertThat(at("SELECT 1 -- sel|").kinds()).isEmpty();
        assertThat(at("SELECT /* sel| */ 1").kinds()).isEmpty();
    }

    @Test
    void onlyTheStatementAtTheCursorCounts() {
        CompletionScope scope = at("SELECT * FROM a; SELECT | FROM b; SELECT * FROM c");
        assertThat(scope.tables()).extracting(TableReference::name).containsExactly("b");
    }
}
