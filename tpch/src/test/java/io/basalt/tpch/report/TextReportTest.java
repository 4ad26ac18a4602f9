package io.basalt.tpch.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    @Test
    void runsAndComparisonAreAlignedTables() {
        String text = print(out -> TextReport.printRuns(ReportFixtures.comparison(), out));
        // Basalt's run knows the peak heap of its queries (in-process), DuckDB's does not and has no such column.
        // cpu: Q1's hot runs used 2,295 ms of CPU time in 1,530 ms of wall time on 2 cores; Q2 has no CPU figures
        assertThat(text).contains("query   cold  median    min    max  plan   exec   cpu  peak heap MB  answer")
                .contains("Q1     900.0   510.0  500.0  520.0  11.0  499.0  75 %         734.0  ok")
                .contains("Q2     300.0   100.0   90.0  110.0  20.0   80.0     -         104.9  WRONG: row 1, column 2 (x): expected '1', got '2'")
                .contains("Q3         -       -      -      -     -      -     -             -  ERROR: out of \"memory\"")
                .contains("Q1     60.0    50.0  50.0  52.0  2.00  48.0  100 %  ok")
                .contains("Q2     30.0    10.0  10.0  10.0     -     -      -  ok")
                .contains("Basalt: total 610.0 ms, geometric mean 225.8 ms over 2 queries; answers: 1 ok, 1 wrong, 1 failed, 0 not checked")
                .contains("Basalt beside DuckDB (ratio = Basalt ÷ DuckDB; above 1, Basalt is slower; cpu = CPU utilisation of 2 cores)")
                .contains("Q1            510.0       50.0  10.20        75 %       100 %")
                .contains("Q3           failed       20.0      -           -           -")
                .contains("geo mean      225.8       21.5  10.10")
                .contains("geometric mean of the ratios: 10.10");
    }

    @Test
    void loadShowsRatesAndTheCompression() {
        String text = print(out -> TextReport.printLoad(ReportFixtures.comparison().loads().get(0), out));
        assertThat(text).contains("lineitem  6,001,215    759.9    10.00  600,122       76.0    160.0")
                .contains("bytes on disk: 161,001,000 (21.2 % of the text, 4.72× smaller)");
    }

    private static String print(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        printer.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
