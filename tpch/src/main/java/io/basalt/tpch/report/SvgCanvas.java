package io.basalt.tpch.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Draws into SVG text, written by hand (no dependency); fonts are the viewer's sans-serif. */
final class SvgCanvas implements ChartCanvas {

    private final int width;
    private final int height;
    private final StringBuilder body = new StringBuilder();

    SvgCanvas(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void rectangle(double x, double y, double width, double height, String fill) {
        body.append(String.format(Locale.ROOT, "  <rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x, y, width, height, fill));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        body.append(String.format(Locale.ROOT,
                "  <line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
                x1, y1, x2, y2, stroke, strokeWidth));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, String fill, double rotation) {
        String anchorName = anchor == Anchor.START ? "start" : anchor == Anchor.MIDDLE ? "middle" : "end";
        String transform = rotation == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%.0f %.1f %.1f)\"", rotation, x, y);
        body.append(String.format(Locale.ROOT, "  <text x=\"%.1f\" y=\"%.1f\" font-size=\"%.0f\" text-anchor=\"%s\"%s fill=\"%s\"%s>%s</text>%n",
                x, y, size, anchorName, bold ? " font-weight=\"bold\"" : "", fill, transform, escape(text)));
    }

    String svg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"Helvetica, Arial, sans-serif\">%n", width, height, width, height)
                + String.format(Locale.ROOT, "  <rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", width, height)
                + body
                + "</svg>\n";
    }

    @Override
    public void write(Path file) throws IOException {
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
