package io.basalt.tpch.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTest {

    @TempDir
    Path directory;

    @Test
    void svgHasATitleALegendABarPerDatabaseAndQueryAndTheRatios() throws IOException {
        Path file = directory.resolve("chart.svg");
        BarChart.write(ReportFixtures.comparison(), file);
        String svg = Files.readString(file);
        assertThat(svg).startsWith("<?xml").endsWith("</svg>\n")
                .contains("TPC-H SF 1: time per query", "median of 3 hot runs", "Basalt 0.1.0 vs DuckDB v2.0.0", "JDK 17.0.15")
                .contains(">Basalt<", ">DuckDB<", ">Q1<", ">Q3<", ">geo<")
                // Q1: 510 ms against 50 ms; Q3 failed on Basalt, so no ratio and a mark instead of a bar.
                .contains(">10×<", ">×<", ">!<");
        // Bars: two for Q1 and Q2, one for Q3 (DuckDB), two for the means, plus the legend's two squares
        // and the white background.
        assertThat(svg.split("<rect", -1).length - 1).isEqualTo(2 + 2 + 1 + 2 + 2 + 1);
    }

    @Test
    void pngIsAnImage() throws IOException {
        Path file = directory.resolve("chart.png");
        BarChart.write(ReportFixtures.comparison(), file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isGreaterThan(1000);
        assertThat(image.getHeight()).isGreaterThan(500);
    }

    @Test
    void axisLabelsReadAsDurations() {
        assertThat(BarChart.durationLabel(1)).isEqualTo("1 ms");
        assertThat(BarChart.durationLabel(500)).isEqualTo("500 ms");
        assertThat(BarChart.durationLabel(2000)).isEqualTo("2 s");
        assertThat(BarChart.durationLabel(0.1)).isEqualTo("0.1 ms");
        assertThat(BarChart.ratioLabel(9.44)).isEqualTo("9.4×");
        assertThat(BarChart.ratioLabel(12.6)).isEqualTo("13×");
    }
}
