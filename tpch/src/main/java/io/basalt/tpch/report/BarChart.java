package io.basalt.tpch.report;

import io.basalt.tpch.BenchmarkReport;
import io.basalt.tpch.DatabaseRun;
import io.basalt.tpch.QueryTiming;
import io.basalt.tpch.report.ChartCanvas.Anchor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The run as a picture ({@code --chart FILE.svg} or {@code .png}): one group of bars per query, one bar per
 * database side by side, and a last group for the geometric means. Heights are the representative time
 * (median of the hot runs) on a logarithmic axis, because TPC-H times span three orders of magnitude and a
 * linear axis would flatten the fast queries to nothing. With a comparison, each group is topped by the ratio.
 */
public final class BarChart {

    private static final String[] COLORS = {"#2f5d8c", "#e8a317", "#6a9f58", "#9c5b9e"};
    private static final String TEXT = "#222222";
    private static final String MUTED = "#666666";
    private static final String GRID = "#dddddd";
    private static final String FAINT_GRID = "#f0f0f0";
    private static final String FAINT_TEXT = "#999999";
    private static final String WRONG = "#c62828";

    private static final double LEFT = 72;
    private static final double RIGHT = 24;
    private static final double TOP = 100;
    private static final double PLOT_HEIGHT = 380;
    private static final double BOTTOM = 84;
    private static final double BAR_WIDTH = 16;
    private static final double GROUP_GAP = 12;
    private static final double MIN_GROUP_WIDTH = 40;
    private static final double MIN_WIDTH = 760;
    /** Average width of a character of the 10-pixel footnote, to cut a long command line before the edge. */
    private static final double FOOTNOTE_CHARACTER_WIDTH = 5.6;

    private BarChart() {
    }

    public static void write(BenchmarkReport report, Path file) throws IOException {
        List<DatabaseRun> runs = report.runs().subList(0, Math.min(report.runs().size(), COLORS.length));
        if (runs.isEmpty() || runs.get(0).queries().isEmpty()) {
            throw new IOException("--chart: there are no query timings to draw");
        }
        int groups = runs.get(0).queries().size() + 1;
        double narrowest = Math.max(MIN_GROUP_WIDTH, BAR_WIDTH * runs.size() + GROUP_GAP);
        int width = (int) Math.max(MIN_WIDTH, Math.ceil(LEFT + RIGHT + groups * narrowest));
        double groupWidth = (width - LEFT - RIGHT) / groups;
        int height = (int) (TOP + PLOT_HEIGHT + BOTTOM);
        ChartCanvas canvas = ChartCanvas.forFile(file, width, height);
        new Layout(report, runs, canvas, width, groupWidth).draw();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        canvas.write(file);
    }

    /** One drawing: the scale is fixed once from the data, then every part is drawn against it. */
    private static final class Layout {
        private final BenchmarkReport report;
        private final List<DatabaseRun> runs;
        private final ChartCanvas canvas;
        private final int width;
        private final double groupWidth;
        private final double lowDecade;
        private final double highDecade;
        private final double plotBottom = TOP + PLOT_HEIGHT;

        Layout(BenchmarkReport report, List<DatabaseRun> runs, ChartCanvas canvas, int width, double groupWidth) {
            this.report = report;
            this.runs = runs;
            this.canvas = canvas;
            this.width = width;
            this.groupWidth = groupWidth;
            double min = Double.MAX_VALUE;
            double max = 0;
            for (DatabaseRun run : runs) {
                for (QueryTiming query : run.queries()) {
                    if (query.succeeded()) {
                        min = Math.min(min, Math.max(query.representativeMillis(), 0.1));
                        max = Math.max(max, query.representativeMillis());
                    }
                }
            }
            if (max == 0) {
                min = 1;
                max = 10;
            }
            lowDecade = Math.floor(Math.log10(min));
            highDecade = Math.max(lowDecade + 1, Math.ceil(Math.log10(max)));
        }

        void draw() {
            title();
            axis();
            int queries = runs.get(0).queries().size();
            for (int index = 0; index < queries; index++) {
                double[] values = new double[runs.size()];
                boolean[] failed = new boolean[runs.size()];
                boolean[] wrong = new boolean[runs.size()];
                for (int r = 0; r < runs.size(); r++) {
                    QueryTiming query = runs.get(r).queries().get(index);
                    values[r] = query.succeeded() ? query.representativeMillis() : Double.NaN;
                    failed[r] = !query.succeeded();
                    wrong[r] = query.wrong();
                }
                int queryIndex = index;
                String ratio = report.comparison().map(c -> ratioLabel(c.ratio(queryIndex))).orElse("");
                group(index, "Q" + runs.get(0).queries().get(index).query(), false, values, failed, wrong, ratio);
            }
            double[] means = new double[runs.size()];
            for (int r = 0; r < runs.size(); r++) {
                means[r] = runs.get(r).geometricMeanMillis();
            }
            String ratio = report.comparison().map(c -> ratioLabel(c.geometricMeanRatio())).orElse("");
            group(queries, "geo mean", true, means, new boolean[runs.size()], new boolean[runs.size()], ratio);
        }

        private void title() {
            canvas.text(LEFT, 30, "TPC-H SF " + report.scaleFactor() + ": time per query", 20, Anchor.START, true, TEXT, 0);
            String measure = report.hotRuns() == 0 ? "one cold run"
                    : report.hotRuns() == 1 ? "one hot run" : "median of " + report.hotRuns() + " hot runs";
            StringBuilder subtitle = new StringBuilder(measure + ", log scale, lower is better · ");
            for (int r = 0; r < this.runs.size(); r++) {
                subtitle.append(r == 0 ? "" : " vs ").append(this.runs.get(r).database()).append(' ').append(this.runs.get(r).version());
            }
            subtitle.append(" · ").append(report.environment().day())
                    .append(" · JDK ").append(report.environment().javaVersion())
                    .append(" · ").append(report.environment().cores()).append(" cores");
            canvas.text(LEFT, 52, subtitle.toString(), 12, Anchor.START, false, MUTED, 0);
            double x = LEFT;
            for (int r = 0; r < this.runs.size(); r++) {
                canvas.rectangle(x, 68, 12, 12, COLORS[r]);
                String label = this.runs.get(r).database();
                canvas.text(x + 17, 79, label, 12, Anchor.START, false, TEXT, 0);
                x += 17 + label.length() * 7.5 + 22;
            }
            double noteX = x;
            report.comparison().ifPresent(c -> canvas.text(noteX, 79, "number above a pair: " + c.subject().database() + " ÷ "
                    + c.reference().database() + " (above 1: " + c.subject().database() + " slower)", 11, Anchor.START, false, MUTED, 0));
        }

        private void axis() {
            for (double decade = lowDecade; decade <= highDecade; decade++) {
                double y = y(Math.pow(10, decade));
                canvas.line(LEFT, y, width - RIGHT, y, GRID, 1);
                canvas.text(LEFT - 6, y + 4, durationLabel(Math.pow(10, decade)), 11, Anchor.END, false, MUTED, 0);
                if (decade < highDecade) {
                    for (int step : new int[] {2, 5}) {
                        double minor = y(step * Math.pow(10, decade));
                        canvas.line(LEFT, minor, width - RIGHT, minor, FAINT_GRID, 1);
                        canvas.text(LEFT - 6, minor + 3, durationLabel(step * Math.pow(10, decade)), 9, Anchor.END, false, FAINT_TEXT, 0);
                    }
                }
            }
            canvas.line(LEFT, plotBottom, width - RIGHT, plotBottom, MUTED, 1);
            canvas.text(16, TOP + PLOT_HEIGHT / 2, "milliseconds (log scale)", 11, Anchor.MIDDLE, false, MUTED, -90);
        }

        private void group(int index, String label, boolean summary, double[] values, boolean[] failed, boolean[] wrong,
                           String ratio) {
            double barWidth = Math.min(BAR_WIDTH * 1.5, (groupWidth - GROUP_GAP) / values.length);
            double left = LEFT + index * groupWidth + (groupWidth - barWidth * values.length) / 2;
            double highest = plotBottom;
            for (int r = 0; r < values.length; r++) {
                double x = left + r * barWidth;
                if (failed[r] || Double.isNaN(values[r])) {
                    canvas.text(x + barWidth / 2, plotBottom - 4, "×", 13, Anchor.MIDDLE, true, WRONG, 0);
                    continue;
                }
                double top = y(Math.max(values[r], Math.pow(10, lowDecade)));
                canvas.rectangle(x + 1, top, barWidth - 2, plotBottom - top, COLORS[r]);
                highest = Math.min(highest, top);
                if (wrong[r]) {
                    canvas.text(x + barWidth / 2, top - 3, "!", 13, Anchor.MIDDLE, true, WRONG, 0);
                }
            }
            double center = left + values.length * barWidth / 2;
            if (!ratio.isEmpty()) {
                canvas.text(center, highest - 6, ratio, 10, Anchor.MIDDLE, summary, TEXT, 0);
            }
            if (summary) {
                canvas.text(center, plotBottom + 17, "geo", 11, Anchor.MIDDLE, true, TEXT, 0);
                canvas.text(center, plotBottom + 30, "mean", 11, Anchor.MIDDLE, true, TEXT, 0);
                double separator = LEFT + index * groupWidth;
                canvas.line(separator, TOP, separator, plotBottom, GRID, 1);
            } else {
                canvas.text(center, plotBottom + 18, label, 12, Anchor.MIDDLE, false, TEXT, 0);
            }
            if (index == 0) {
                footnote();
            }
        }

        private void footnote() {
            canvas.text(LEFT, plotBottom + 52, "× query failed · ! wrong answer · bars: time as the JDBC client sees it (plan, execute, fetch every row)",
                    10, Anchor.START, false, MUTED, 0);
            String command = report.environment().commandLine();
            if (command != null) {
                String text = "command: " + command;
                int fits = (int) ((width - LEFT - RIGHT) / FOOTNOTE_CHARACTER_WIDTH);
                canvas.text(LEFT, plotBottom + 68, text.length() <= fits ? text : text.substring(0, fits - 1) + "…",
                        10, Anchor.START, false, MUTED, 0);
            }
        }

        private double y(double millis) {
            double position = (Math.log10(millis) - lowDecade) / (highDecade - lowDecade);
            return plotBottom - position * PLOT_HEIGHT;
        }
    }

    static String durationLabel(double millis) {
        if (millis >= 1000) {
            return trim(millis / 1000) + " s";
        }
        return trim(millis) + " ms";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String ratioLabel(double ratio) {
        if (Double.isNaN(ratio)) {
            return "";
        }
        // From 9.95 up one decimal would print "10.0": whole numbers read better there.
        return String.format(Locale.ROOT, ratio >= 9.95 ? "%.0f×" : "%.1f×", ratio);
    }
}
