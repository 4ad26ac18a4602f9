package io.basalt.shell.render;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.basalt.shell.render.RenderTesting.numberedRows;
import static io.basalt.shell.render.RenderTesting.render;
import static io.basalt.shell.render.RenderTesting.row;
import static org.assertj.core.api.Assertions.assertThat;

class TableRendererTest {

    private static final List<ResultColumn> KEY_AND_NAME = List.of(ResultColumn.number("key"), ResultColumn.text("name"));

    private static String table(List<ResultColumn> columns, List<String[]> rows, int width, int maxRows) {
        return render(new TableRenderer(false), columns, rows, width, maxRows);
    }

    @Test
    void alignsColumnsNumbersRightTextLeftAndShowsNull() {
        String text = table(KEY_AND_NAME, List.of(row("1", "first"), row("1000", null), row(null, "")), 0, 0);
        assertThat(text).isEqualTo("""
                 key | name
                -----+------
                   1 | first
                1000 | NULL
                NULL |
                (3 rows)
                """);
    }

    @Test
    void measuresWideCharactersByTheColumnsTheyTake() {
        String text = table(List.of(ResultColumn.text("city"), ResultColumn.number("n")),
                List.of(row("東京", "1"), row("Zürich", "22"), row("a\u0301b", "3")), 0, 0);
        assertThat(text).isEqualTo("""
                city   |  n
                -------+---
                東京   |  1
                Zürich | 22
                a\u0301b     |  3
                (3 rows)
                """);
    }

    @Test
    void lineBreaksAndControlCharactersStayInTheirCell() {
        String text = table(List.of(ResultColumn.text("t")), List.<String[]>of(row("a\nb\tc\u0007")), 0, 0);
        assertThat(text).contains("a↵b c\uFFFD");
    }

    @Test
    void anEmptyResultShowsItsHeader() {
        assertThat(table(KEY_AND_NAME, List.of(), 0, 0)).isEqualTo("key | name\n----+-----\n(0 rows)\n");
    }

    @Test
    void aLongResultShowsItsFirstAndLastRowsAndTheCount() {
        String text = table(KEY_AND_NAME, numberedRows(1000), 0, 6);
        assertThat(text).isEqualTo("""
                 key | name
                -----+---------
                   1 | row 1
                   2 | row 2
                   3 | row 3
                   … | …
                 998 | row 998
                 999 | row 999
                1000 | row 1000
                (1,000 rows, 6 shown)
                """);
    }

    @Test
    void aResultWithinTheLimitIsShownWhole() {
        assertThat(table(KEY_AND_NAME, numberedRows(6), 0, 6)).contains("row 6").doesNotContain("…").contains("(6 rows)");
    }

    @Test
    void wideTextIsCutToFitTheWidthButNumbersAreNot() {
        String longText = "x".repeat(200);
        String text = table(List.of(ResultColumn.number("id"), ResultColumn.text("comment"), ResultColumn.number("total")),
                List.<String[]>of(row("123456789", longText, "9876543210.25")), 60, 0);
        for (String line : text.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(60);
        }
        assertThat(text).contains("123456789").contains("9876543210.25").contains("x…");
    }

    @Test
    void tooManyColumnsCollapseInTheMiddle() {
        List<ResultColumn> columns = new ArrayList<>();
        String[] values = new String[20];
        for (int i = 0; i < 20; i++) {
            columns.add(ResultColumn.text("column_" + i));
            values[i] = "value_number_" + i;
        }
        String text = table(columns, List.<String[]>of(values), 80, 0);
        String header = text.split("\n")[0];
        assertThat(header).startsWith("column_0").endsWith("column_19").contains("…");
        assertThat(header).doesNotContain("column_10");
        for (String line : text.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        assertThat(text).containsPattern("\\(1 row; \\d+ of 20 columns shown, \\\\x shows all\\)");
    }

    @Test
    void automaticExpandedDisplayTurnsATooWideTableVertical() {
        List<ResultColumn> columns = new ArrayList<>();
        String[] values = new String[20];
        for (int i = 0; i < 20; i++) {
            columns.add(ResultColumn.text("column_" + i));
            values[i] = "value_number_" + i;
        }
        String text = render(new TableRenderer(true), columns, List.<String[]>of(values), 80, 0);
        assertThat(text).startsWith("-[ RECORD 1 ]").contains("column_10 | value_number_10");
        assertThat(render(new TableRenderer(true), KEY_AND_NAME, numberedRows(1), 80, 0)).startsWith("key | name");
    }
}
