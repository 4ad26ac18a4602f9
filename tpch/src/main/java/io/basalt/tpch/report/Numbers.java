package io.basalt.tpch.report;

import java.util.Locale;

/** Number formats shared by the text reports. */
public final class Numbers {

    private Numbers() {
    }

    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f", bytes / 1e6);
    }

    public static String millis(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }

    /** A fraction (0.43) as a whole percentage ("43 %"), or "-" when unknown. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }

    public static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
