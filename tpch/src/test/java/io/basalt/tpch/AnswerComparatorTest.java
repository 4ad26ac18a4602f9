package io.basalt.tpch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerComparatorTest {

    @TempDir
    Path directory;

    @Test
    void numbersMatchWithinTheirToleranceAndTextExactly() throws IOException {
        ExpectedAnswer expected = answer("flag|sum|avg|day|note",
                "A|505822441.49|25.575154611454693|1995-10-21|",
                "N|12.00|1.5|1996-01-01|x");
        assertThat(AnswerComparator.firstDifference(expected, List.of(
                Arrays.asList("A", new BigDecimal("505822441.4861"), 25.575154611454693, LocalDate.of(1995, 10, 21), null),
                Arrays.asList("N  ", new BigDecimal("12"), 1.5, LocalDate.of(1996, 1, 1), "x")))).isEmpty();
    }

    @Test
    void namesTheFirstDifferingRowAndColumn() throws IOException {
        ExpectedAnswer expected = answer("flag|avg", "A|25.575154611454693", "B|1.0");
        assertThat(AnswerComparator.firstDifference(expected, List.of(
                Arrays.asList("A", new BigDecimal("25.575155")), Arrays.asList("B", 1.0))))
                .contains("row 1, column 2 (avg): expected '25.575154611454693', got '25.575155'");
        assertThat(AnswerComparator.firstDifference(expected, List.of(Arrays.asList("A", 25.575154611454693))))
                .contains("expected 2 rows, got 1");
        assertThat(AnswerComparator.firstDifference(expected, List.of(
                Arrays.asList("A", 25.575154611454693), Arrays.asList("B", null))))
                .contains("row 2, column 2 (avg): expected '1.0', got NULL");
    }

    @Test
    void anEmptyLineOfAOneColumnAnswerIsARowHoldingNull() throws IOException {
        ExpectedAnswer expected = answer("avg_yearly", "");
        assertThat(expected.rows()).hasSize(1);
        assertThat(AnswerComparator.firstDifference(expected, List.of(Arrays.asList((Object) null)))).isEmpty();
        assertThat(AnswerComparator.firstDifference(expected, List.of())).contains("expected 1 rows, got 0");
    }

    @Test
    void moneyMatchesToTheCentAndNoFurther() {
        assertThat(AnswerComparator.matches("12.34", new BigDecimal("12.345"))).isTrue();
        assertThat(AnswerComparator.matches("12.34", new BigDecimal("12.36"))).isFalse();
        assertThat(AnswerComparator.matches("14876", 14876L)).isTrue();
        assertThat(AnswerComparator.matches("14876", 14877L)).isFalse();
        assertThat(AnswerComparator.matches("abc", 1L)).isFalse();
    }

    @Test
    void queriesLoadWithoutTheirCommentLine() {
        for (int query = 1; query <= TpchQueries.COUNT; query++) {
            String text = TpchQueries.text(query);
            assertThat(text).doesNotStartWith("--").doesNotContain(";").containsIgnoringCase("select");
        }
        assertThat(TpchQueries.text(15)).startsWith("WITH revenue AS");
    }

    private ExpectedAnswer answer(String... lines) throws IOException {
        Path file = directory.resolve("q.csv");
        Files.write(file, List.of(lines));
        return ExpectedAnswer.read(file);
    }
}
