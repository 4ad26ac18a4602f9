package io.basalt.storage.segment;

/** Zone map of INT128 values (long decimals, unscaled) as signed 128-bit high/low pairs. */
public record Int128ZoneMap(int rowCount, int nullCount, long minHigh, long minLow, long maxHigh, long maxLow)
        implements ZoneMap {

    public Int128ZoneMap {
        ZoneMap.checkCounts(rowCount, nullCount);
        if (rowCount > nullCount && compare(minHigh, minLow, maxHigh, maxLow) > 0) {
            throw new IllegalArgumentException("min > max");
        }
    }

    /** Whether some non-null value may lie in {@code [low, high]} (inclusive, each given as high/low halves). */
    public boolean mayContain(long lowHigh, long lowLow, long highHigh, long highLow) {
        return hasValues()
                && compare(minHigh, minLow, highHigh, highLow) <= 0
                && compare(maxHigh, maxLow, lowHigh, lowLow) >= 0;
    }

    @Override
    public ZoneMap merge(ZoneMap other) {
        Int128ZoneMap that = (Int128ZoneMap) other;
        int rows = Math.addExact(rowCount, that.rowCount);
        int nulls = nullCount + that.nullCount;
        if (!that.hasValues()) {
            return new Int128ZoneMap(rows, nulls, minHigh, minLow, maxHigh, maxLow);
        }
        if (!hasValues()) {
            return new Int128ZoneMap(rows, nulls, that.minHigh, that.minLow, that.maxHigh, that.maxLow);
        }
        boolean thisMin = compare(minHigh, minLow, that.minHigh, that.minLow) <= 0;
        boolean thisMax = compare(maxHigh, maxLow, that.maxHigh, that.maxLow) >= 0;
        return new Int128ZoneMap(rows, nulls,
                thisMin ? minHigh : that.minHigh, thisMin ? minLow : that.minLow,
                thisMax ? maxHigh : that.maxHigh, thisMax ? maxLow : that.maxLow);
    }

    /** Signed 128-bit comparison of {@code (h1, l1)} with {@code (h2, l2)}. */
    public static int compare(long h1, long l1, long h2, long l2) {
        int c = Long.compare(h1, h2);
        return c != 0 ? c : Long.compareUnsigned(l1, l2);
    }
}
