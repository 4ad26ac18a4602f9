package io.basalt.shell.render;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where and how big a result is written: the writer, the width to fit (0: no limit, for files and pipes),
 * how many rows a table shows at most (0: all), and the styles. {@link #out()} runs a hook before the first
 * output, which takes the progress line off the screen exactly when the result starts to appear.
 */
public final class RenderTarget {

    private final PrintWriter writer;
    private final int width;
    private final int maxRows;
    private final Styles styles;
    private Runnable beforeOutput;

    public RenderTarget(PrintWriter writer, int width, int maxRows, Styles styles, Runnable beforeOutput) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.width = width;
        this.maxRows = maxRows;
        this.styles = Objects.requireNonNull(styles, "styles");
        this.beforeOutput = Objects.requireNonNull(beforeOutput, "beforeOutput");
    }

    /** A target without limits or colours, for files and tests. */
    public static RenderTarget plain(PrintWriter writer) {
        return new RenderTarget(writer, 0, 0, Styles.PLAIN, () -> { });
    }

    /** The writer; the first call runs the before-output hook. */
    public PrintWriter out() {
        Runnable hook = beforeOutput;
        if (hook != null) {
            beforeOutput = null;
            hook.run();
        }
        return writer;
    }

    public int width() {
        return width;
    }

    public int maxRows() {
        return maxRows;
    }

    public Styles styles() {
        return styles;
    }
}
