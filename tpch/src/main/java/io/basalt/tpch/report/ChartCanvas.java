package io.basalt.tpch.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link BarChart} draws on: a few primitives in pixel coordinates (origin top left), so that one
 * layout makes both the SVG and the PNG. Colours are {@code #rrggbb}.
 */
interface ChartCanvas {

    enum Anchor { START, MIDDLE, END }

    void rectangle(double x, double y, double width, double height, String fill);

    void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth);

    /** Text with its baseline at {@code y}; {@code rotation} in degrees, clockwise, around ({@code x}, {@code y}). */
    void text(double x, double y, String text, double size, Anchor anchor, boolean bold, String fill, double rotation);

    void write(Path file) throws IOException;

    /** The canvas for a file name: {@code .png} draws an image, anything else SVG. */
    static ChartCanvas forFile(Path file, int width, int height) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png")
                ? new ImageCanvas(width, height) : new SvgCanvas(width, height);
    }
}
