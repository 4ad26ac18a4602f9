package io.basalt.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementBufferTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        StatementBuffer buffer = new StatementBuffer();
        assertThat(buffer.add("select 'a;b', \"c;d\" -- e;f")).isEmpty();
        assertThat(buffer.isIncomplete()).isTrue();
        assertThat(buffer.add("/* g; */ from t; select 2;")).containsExactly(
                "select 'a;b', \"c;d\" -- e;f\n/* g; */ from t", "select 2");
        assertThat(buffer.isIncomplete()).isFalse();
    }

    @Test
    void keepsAnUnfinishedStatementAcrossLines() {
        StatementBuffer buffer = new StatementBuffer();
        assertThat(buffer.add("select 'it''s")).isEmpty();
        assertThat(buffer.add("fine';  select")).containsExactly("select 'it''s\nfine'");
        assertThat(buffer.drain()).isEqualTo("select");
        assertThat(buffer.isIncomplete()).isFalse();
    }

    @Test
    void ignoresEmptyStatements() {
        assertThat(new StatementBuffer().add(" ; ;; ")).isEmpty();
    }
}
