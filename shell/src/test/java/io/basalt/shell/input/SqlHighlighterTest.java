package io.basalt.shell.input;

import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlHighlighterTest {

    private static AttributedStyle styleAt(AttributedString text, String of, String in) {
        return text.styleAt(in.indexOf(of));
    }

    @Test
    void keywordsStringsNumbersAndCommentsEachHaveTheirStyle() {
        String sql = "select name, 'text', 42, 4.5 from t -- why\n/* block */";
        AttributedString styled = SqlHighlighter.highlight(sql);
        assertThat(styled.toString()).isEqualTo(sql);
        assertThat(styleAt(styled, "select", sql)).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(styled, "from", sql)).isEqualTo(SqlHighlighter.KEYWORD);
        assertThat(styleAt(styled, "name", sql)).isEqualTo(AttributedStyle.DEFAULT);
        assertThat(styleAt(styled, "'text'", sql)).isEqualTo(SqlHighlighter.STRING);
        assertThat(styleAt(styled, "42", sql)).isEqualTo(SqlHighlighter.NUMBER);
        assertThat(styleAt(styled, "4.5", sql)).isEqualTo(SqlHighlighter.NUMBER);
        assertThat(styleAt(styled, "-- why", sql)).isEqualTo(SqlHighlighter.COMMENT);
        assertThat(styleAt(styled, "/* block", sql)).isEqualTo(SqlHighlighter.COMMENT);
    }

    @Test
    void anUnclosedStringIsAStringToTheEnd() {
        String sql = "SELECT 'still open FROM t";
        AttributedString styled = SqlHighlighter.highlight(sql);
        assertThat(styleAt(styled, "FROM", sql)).isEqualTo(SqlHighlighter.STRING);
    }

    @Test
    void aMetaCommandNameStandsOut() {
        String line = "\\d orders";
        AttributedString styled = SqlHighlighter.highlight(line);
        assertThat(styled.styleAt(0)).isEqualTo(SqlHighlighter.META_COMMAND);
        assertThat(styleAt(styled, "orders", line)).isEqualTo(AttributedStyle.DEFAULT);
    }
}
