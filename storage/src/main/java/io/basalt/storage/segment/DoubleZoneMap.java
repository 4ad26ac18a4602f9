package io.basalt.storage.segment;

/**
 * Zone map of DOUBLE (and REAL) values. {@code min} and {@code max} bound the non-NaN values, ordered with
 * -0.0 below 0.0; they are NaN when there is no non-NaN value. NaN is tracked apart in {@link #hasNaN()}
 * because SQL engines disagree on where it sorts (PostgreSQL puts it above every number, IEEE comparisons
 * say it is neither above nor below): {@link #mayContain} answers with IEEE comparisons, which NaN never
 * satisfies, and a caller that orders NaN above all numbers must also check {@link #hasNaN()}.
 */
public record DoubleZoneMap(int rowCount, int nullCount, double min, double max, boolean hasNaN) implements ZoneMap {

    public DoubleZoneMap {
        ZoneMap.checkCounts(rowCount, nullCount);
        if (Double.isNaN(min) != Double.isNaN(max) || Double.compare(min, max) > 0) {
            throw new IllegalArgumentException("bad double bounds " + min + ", " + max);
        }
        if (rowCount == nullCount ? hasNaN || !Double.isNaN(min) : Double.isNaN(min) && !hasNaN) {
            throw new IllegalArgumentException("double bounds " + min + ", " + max + " (NaN seen: " + hasNaN
                    + ") do not fit " + (rowCount - nullCount) + " non-null values");
        }
    }

    /** Whether some non-null, non-NaN value {@code v} may satisfy {@code low <= v && v <= high}. */
    public boolean mayContain(double low, double high) {
        return min <= high && max >= low;
    }

    @Override
    public ZoneMap merge(ZoneMap other) {
        DoubleZoneMap that = (DoubleZoneMap) other;
        double newMin = Double.isNaN(min) ? that.min : Double.isNaN(that.min) ? min : totalMin(min, that.min);
        double newMax = Double.isNaN(max) ? that.max : Double.isNaN(that.max) ? max : totalMax(max, that.max);
        return new DoubleZoneMap(Math.addExact(rowCount, that.rowCount), nullCount + that.nullCount,
                newMin, newMax, hasNaN || that.hasNaN);
    }

    static double totalMin(double a, double b) {
        return Double.compare(a, b) <= 0 ? a : b;
    }

    static double totalMax(double a, double b) {
        return Double.compare(a, b) >= 0 ? a : b;
    }
}
