package io.basalt.tpch.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws into a PNG with Java 2D. Needs no display: the JVM is switched to headless mode before the first
 * image is made. Drawn at twice the size, so that the picture stays sharp on high-density screens.
 */
final class ImageCanvas implements ChartCanvas {

    private static final double SCALE = 2;

    private final BufferedImage image;
    private final Graphics2D graphics;

    ImageCanvas(int width, int height) {
        System.setProperty("java.awt.headless", "true");
        image = new BufferedImage((int) (width * SCALE), (int) (height * SCALE), BufferedImage.TYPE_INT_RGB);
        graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.scale(SCALE, SCALE);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
    }

    @Override
    public void rectangle(double x, double y, double width, double height, String fill) {
        graphics.setColor(Color.decode(fill));
        graphics.fill(new Rectangle2D.Double(x, y, width, height));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        graphics.setColor(Color.decode(stroke));
        graphics.setStroke(new BasicStroke((float) strokeWidth));
        graphics.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void text(double x, double y, String text, double size, Anchor anchor, boolean bold, String fill, double rotation) {
        graphics.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        graphics.setColor(Color.decode(fill));
        FontMetrics metrics = graphics.getFontMetrics();
        double textWidth = metrics.stringWidth(text);
        double offset = anchor == Anchor.START ? 0 : anchor == Anchor.MIDDLE ? -textWidth / 2 : -textWidth;
        AffineTransform saved = graphics.getTransform();
        graphics.translate(x, y);
        graphics.rotate(Math.toRadians(rotation));
        graphics.drawString(text, (float) offset, 0f);
        graphics.setTransform(saved);
    }

    @Override
    public void write(Path file) throws IOException {
        graphics.dispose();
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
