package io.basalt.shell.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.basalt.shell.render.RenderTesting.numberedRows;
import static io.basalt.shell.render.RenderTesting.render;
import static io.basalt.shell.render.RenderTesting.row;
import static org.assertj.core.api.Assertions.assertThat;

class OutputFormatsTest {

    private static final List<ResultColumn> COLUMNS = List.of(ResultColumn.number("id"), ResultColumn.text("note"),
            new ResultColumn("ok", ResultColumn.Kind.BOOLEAN), ResultColumn.number("ratio"));
    private static final List<String[]> ROWS = List.of(
            row("1", "plain", "true", "0.5"),
            row("2", "a, \"quoted\"\nline|pipe", "false", "NaN"),
            row("3", "", null, null),
            row("4", null, null, "-1.5E10"));

    @Test
    void csvQuotesWhatNeedsItAndTellsNullFromEmpty() {
        assertThat(render(new CsvRenderer(), COLUMNS, ROWS, 0, 0)).isEqualTo("""
                id,note,ok,ratio
                1,plain,true,0.5
                2,"a, ""quoted""
                line|pipe",false,NaN
                3,"",,
                4,,,-1.5E10
                """);
    }

    @Test
    void jsonSpellsNumbersBooleansAndNullAsJson() {
        assertThat(render(new JsonRenderer(), COLUMNS, ROWS, 0, 0)).isEqualTo("""
                [
                {"id":1,"note":"plain","ok":true,"ratio":0.5},
                {"id":2,"note":"a, \\"quoted\\"\\nline|pipe","ok":false,"ratio":"NaN"},
                {"id":3,"note":"","ok":null,"ratio":null},
                {"id":4,"note":null,"ok":null,"ratio":-1.5E10}
                ]
                """);
        assertThat(render(new JsonRenderer(), COLUMNS, List.of(), 0, 0)).isEqualTo("[]\n");
    }

    @Test
    void markdownEscapesPipesAndLineBreaksAndAlignsNumbersRight() {
        assertThat(render(new MarkdownRenderer(), COLUMNS, ROWS, 0, 0)).isEqualTo("""
                |  id | note                      | ok    |   ratio |
                | --: | ------------------------- | ----- | ------: |
                |   1 | plain                     | true  |     0.5 |
                |   2 | a, "quoted"<br>line\\|pipe | false |     NaN |
                |   3 |                           | NULL  |    NULL |
                |   4 | NULL                      | NULL  | -1.5E10 |
                """);
    }

    @Test
    void lineModeWritesOneValuePerLine() {
        assertThat(render(new LineRenderer(), COLUMNS, ROWS.subList(2, 4), 0, 0)).isEqualTo("""
                   id = 3
                 note =\s
                   ok = NULL
                ratio = NULL

                   id = 4
                 note = NULL
                   ok = NULL
                ratio = -1.5E10
                """);
    }

    @Test
    void verticalDisplayShowsOneRecordPerBlock() {
        assertThat(render(new VerticalRenderer(), COLUMNS, ROWS.subList(0, 1), 0, 0)).isEqualTo("""
                -[ RECORD 1 ]
                id    | 1
                note  | plain
                ok    | true
                ratio | 0.5
                (1 row)
                """);
    }

    @Test
    void verticalDisplayKeepsTheRowLimitAndNumbersTheLastRowsRight() {
        String text = render(new VerticalRenderer(), List.of(ResultColumn.number("key"), ResultColumn.text("name")),
                numberedRows(100), 0, 2);
        assertThat(text).contains("-[ RECORD 1 ]").contains("… 98 more rows …").contains("-[ RECORD 100 ]")
                .doesNotContain("RECORD 2 ").endsWith("(100 rows, 2 shown)\n");
    }
}
