package io.basalt.storage.segment;

/** Zone map of LONG values (integers, dates, times, timestamps, short decimals) and of BOOLEANs as 0/1. */
public record LongZoneMap(int rowCount, int nullCount, long min, long max) implements ZoneMap {

    public LongZoneMap {
        ZoneMap.checkCounts(rowCount, nullCount);
        if (rowCount > nullCount && min > max) {
            throw new IllegalArgumentException("min " + min + " > max " + max);
        }
    }

    /** Whether some non-null value may lie in {@code [low, high]} (inclusive). */
    public boolean mayContain(long low, long high) {
        return hasValues() && min <= high && max >= low;
    }

    @Override
    public ZoneMap merge(ZoneMap other) {
        LongZoneMap that = (LongZoneMap) other;
        int rows = Math.addExact(rowCount, that.rowCount);
        int nulls = nullCount + that.nullCount;
        if (!that.hasValues()) {
            return new LongZoneMap(rows, nulls, min, max);
        }
        if (!hasValues()) {
            return new LongZoneMap(rows, nulls, that.min, that.max);
        }
        return new LongZoneMap(rows, nulls, Math.min(min, that.min), Math.max(max, that.max));
    }
}
