package io.basalt.shell.input;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlParsedLineTest {

    @Test
    void theWordIsTheNameAroundTheCursor() {
        SqlParsedLine line = SqlParsedLine.at("SELECT o_ord FROM orders", 12);
        assertThat(line.word()).isEqualTo("o_ord");
        assertThat(line.wordCursor()).isEqualTo(5);
        SqlParsedLine middle = SqlParsedLine.at("SELECT o_orderkey", 9);
        assertThat(middle.word()).isEqualTo("o_orderkey");
        assertThat(middle.wordCursor()).isEqualTo(2);
    }

    @Test
    void aDotEndsTheWord() {
        SqlParsedLine line = SqlParsedLine.at("SELECT o.o_ord", 14);
        assertThat(line.word()).isEqualTo("o_ord");
        assertThat(SqlParsedLine.at("SELECT o.", 9).word()).isEmpty();
    }

    @Test
    void aQuotedNameIsOneWordBlanksIncluded() {
        SqlParsedLine line = SqlParsedLine.at("SELECT * FROM \"Mixed Ca", 23);
        assertThat(line.word()).isEqualTo("\"Mixed Ca");
    }

    @Test
    void metaCommandWordsAreSeparatedByBlanks() {
        assertThat(SqlParsedLine.at("\\i ~/queries/q1.sq", 18).word()).isEqualTo("~/queries/q1.sq");
        assertThat(SqlParsedLine.at("\\d", 2).word()).isEqualTo("\\d");
    }

    @Test
    void candidatesAreInsertedAsTheyAre() {
        assertThat(SqlParsedLine.at("x", 1).escape("\"My Table\"", true)).hasToString("\"My Table\"");
    }
}
